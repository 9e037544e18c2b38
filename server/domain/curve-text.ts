/** A goal's curve in words — the goal page, the draft's summary and the history of an edit say it the same way. Pure. */
export type CurveName = "LINEAR" | "FRONT_LOADED" | "BACK_LOADED" | "CUSTOM";

const CURVE_WORDS: Record<CurveName, string> = {
  LINEAR: "steady",
  FRONT_LOADED: "front-loaded",
  BACK_LOADED: "back-loaded",
  CUSTOM: "custom checkpoints",
};

/** "front-loaded (60%)", "steady": a leaning curve with its strength (none stored: the default, shown as it is). */
export function curveText(curve: CurveName, strength: number | null): string {
  const word = CURVE_WORDS[curve];
  return (curve === "FRONT_LOADED" || curve === "BACK_LOADED") && strength !== null ? `${word} (${strength}%)` : word;
}
