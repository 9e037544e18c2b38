/**
 * Rates from the names list (issue 18): the member's real conversion between two funnel stages, read from their
 * list — of the people who reached stage k, how many reached stage k+1. Pure.
 *
 * A person "reached" every stage up to the one they stand at (`Person.stageMetricId`, ranked by `funnelStageRanks`,
 * server/domain/person-stage.ts); people not contacted yet count nowhere, and an outcome (lost, customer) keeps the
 * stage reached. So for a step `from → to`: trials = people at rank ≥ rank(from), successes = people at rank ≥ rank(to).
 *
 * These observations are not a second rule for rates: they are a `StageHistory` handed to the one funnel
 * (`funnelRateStages` → `planFunnel` → `smoothedRate`, server/domain/funnel.ts), which smooths them toward the team's
 * default exactly as it smooths the Log's history. The list replaces the Log's history for a step only where it has
 * at least `MIN_LIST_OBSERVATIONS` people at the step (`preferListHistory`); below that the Log's totals decide.
 */
import type { StageHistory } from "./funnel";

/** People at a step before the list's rate is used for it (fewer: the Log's history, smoothed as always). */
export const MIN_LIST_OBSERVATIONS = 5;

/** How many people of the list stand at each stage (metric id → count; the not-contacted are left out). */
export type PeopleByStage = Readonly<Record<string, number>>;

/** For each step (`from` → `to`), what the list observed. Steps whose metrics are not ranked are left out. */
export function listStageHistory(args: {
  steps: readonly { from: string; to: string }[];
  peopleByStage: PeopleByStage;
  ranks: ReadonlyMap<string, number>;
}): Record<string, StageHistory> {
  const { ranks, peopleByStage } = args;
  const reached = (metricId: string) => {
    const rank = ranks.get(metricId)!;
    let n = 0;
    for (const [stage, count] of Object.entries(peopleByStage)) {
      const r = ranks.get(stage);
      if (r !== undefined && r >= rank && Number.isSafeInteger(count) && count > 0) n += count;
    }
    return n;
  };
  const out: Record<string, StageHistory> = {};
  for (const { from, to } of args.steps) {
    if (!ranks.has(from) || !ranks.has(to) || ranks.get(to)! <= ranks.get(from)!) continue;
    const trials = reached(from);
    if (trials > 0) out[from] = { trials, successes: Math.min(trials, reached(to)) };
  }
  return out;
}

export type RateSource = "list" | "log" | "default";

/**
 * The history a step plans with: the list's when it has enough observations, else the Log's (else none — the
 * team default). Returns which one it took, for "your rates" labels.
 */
export function preferListHistory(
  logHistory: StageHistory | undefined,
  listHistory: StageHistory | undefined,
  minObservations: number = MIN_LIST_OBSERVATIONS,
): { history: StageHistory | undefined; source: RateSource } {
  if (listHistory && listHistory.trials >= minObservations) return { history: listHistory, source: "list" };
  if (logHistory && logHistory.trials > 0) return { history: logHistory, source: "log" };
  return { history: undefined, source: "default" };
}

/** The list's observations for one result's funnel: each step into the next, the last into the result. */
export function listHistoryForFunnel(args: {
  resultId: string;
  stepIds: readonly string[];
  peopleByStage: PeopleByStage;
  ranks: ReadonlyMap<string, number>;
}): Record<string, StageHistory> {
  const chain = [...args.stepIds, args.resultId];
  const steps = args.stepIds.map((from, i) => ({ from, to: chain[i + 1]! }));
  return listStageHistory({ steps, peopleByStage: args.peopleByStage, ranks: args.ranks });
}
