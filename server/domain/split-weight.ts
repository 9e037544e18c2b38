/**
 * Split weights: how big a member's own share is under a goal's `weight` split rule, as a percentage of a full-time
 * share — 100 = full time (everyone's default), 50 = half time (part time), 0 = no share of their own, up to
 * MAX_SPLIT_WEIGHT. Stored as a whole number (`Membership.splitWeight`), so the cascade splits with exact integer
 * arithmetic (server/domain/cascade.ts, `personalWeights`).
 */
export const FULL_TIME_WEIGHT = 100;
export const MIN_SPLIT_WEIGHT = 0;
/** Three times a full-time share: enough for a member who does the work of a small team. */
export const MAX_SPLIT_WEIGHT = 300;

/** "Full time (100%)", "Half time (50%)", "No share of their own (0%)", "75% of full time". */
export function describeSplitWeight(percent: number): string {
  if (percent === FULL_TIME_WEIGHT) return "Full time (100%)";
  if (percent === FULL_TIME_WEIGHT / 2) return "Half time (50%)";
  if (percent === 0) return "No share of their own (0%)";
  return `${percent}% of full time`;
}

/** Greatest common divisor of whole numbers ≥ 0 (0 when all are 0). */
export function gcdOf(values: Iterable<number>): number {
  let g = 0;
  for (let v of values) {
    let a = g;
    while (v !== 0) [a, v] = [v, a % v];
    g = a;
  }
  return g;
}
