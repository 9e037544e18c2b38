/** Words for a person's stage (issue 18): the funnel metric's name, an outcome's label, or "Not contacted yet". */
export interface StageChoices {
  stages: { metricId: string; name: string; archived: boolean }[];
  outcomes: { outcome: string; label: string }[];
}

export const NOT_CONTACTED = "Not contacted yet";

export function stageLabel(
  choices: StageChoices | undefined,
  person: { stageMetricId: string | null; outcome: string | null },
): string {
  if (person.outcome) return choices?.outcomes.find((o) => o.outcome === person.outcome)?.label ?? person.outcome;
  if (person.stageMetricId) return choices?.stages.find((s) => s.metricId === person.stageMetricId)?.name ?? "Stage";
  return NOT_CONTACTED;
}
