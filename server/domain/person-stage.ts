/**
 * Where a person of a names list stands in the team's funnel, and how taps move them (issue 18). Pure.
 *
 * A person's stage is one of the team's counted funnel metrics (`Person.stageMetricId`; null = not contacted yet). The
 * funnel orders them (the names list shows its stages in this order, `orderFunnelStages`,
 * server/services/person/funnel-stages.ts): an activity at `position` p of a FunnelStage chain has rank 2p, the chain's result
 * sits just after its last activity (2·last + 1) — contacts 0 → presentations 2 → sponsors 3. A metric in several
 * chains takes its lowest place; money and minutes metrics, and metrics in no chain, have no rank (a touch with them
 * goes on the timeline but never moves the stage).
 *
 * - A tap naming a person moves them forward only: `advanceStage` keeps the furthest of the current stage and the
 *   tap's metric (never backwards, so logging "+1 Contact" for someone who already had a presentation keeps them there).
 * - Undo (deleting the tap's entry) puts the stage back to what the remaining touches say (`stageAfterUndo`).
 *
 * The logging statement applies the same rank rule in SQL (`personStageRankSql`, server/queries/person-taps.ts); a
 * round-trip test checks that the two agree.
 */

export interface FunnelStageRow {
  resultMetricId: string;
  activityMetricId: string;
  position: number;
}

/**
 * Each counted funnel metric's rank (lower = nearer the top of the funnel), the lowest over the chains it appears in.
 * `countedMetricIds`: the metrics counted in units (COUNT); others are left out. Without it every metric is ranked.
 */
export function funnelStageRanks(
  stages: readonly FunnelStageRow[],
  countedMetricIds?: ReadonlySet<string>,
): Map<string, number> {
  const ranks = new Map<string, number>();
  const lastPosition = new Map<string, number>();
  const place = (id: string, rank: number) => {
    if (countedMetricIds && !countedMetricIds.has(id)) return;
    ranks.set(id, Math.min(rank, ranks.get(id) ?? Infinity));
  };
  for (const s of stages) {
    place(s.activityMetricId, 2 * s.position);
    lastPosition.set(s.resultMetricId, Math.max(s.position, lastPosition.get(s.resultMetricId) ?? -Infinity));
  }
  for (const [resultId, last] of lastPosition) place(resultId, 2 * last + 1);
  return ranks;
}

/** The further of two stages (null = not contacted; an unranked metric never wins over a ranked one). */
export function furtherStage(a: string | null, b: string | null, ranks: ReadonlyMap<string, number>): string | null {
  const rank = (id: string | null) => (id === null ? -1 : (ranks.get(id) ?? -1));
  if (b === null || !ranks.has(b)) return a;
  if (a === null) return b;
  return rank(b) > rank(a) ? b : a;
}

/** The stage after a tap with `metricId`: forward only. */
export function advanceStage(
  current: string | null,
  metricId: string,
  ranks: ReadonlyMap<string, number>,
): string | null {
  return furtherStage(current, metricId, ranks);
}

/** The furthest stage a list of touches reached (null when none of them is a funnel metric). */
export function stageFromTouches(
  metricIds: readonly (string | null)[],
  ranks: ReadonlyMap<string, number>,
): string | null {
  return metricIds.reduce<string | null>((stage, m) => furtherStage(stage, m, ranks), null);
}

/**
 * The stage after one touch is undone. When the person stands at the undone touch's stage (the tap is what moved them
 * there), they go back to the furthest stage of the remaining touches; when they stand elsewhere (set by hand, or a
 * further tap), the undo leaves them where they are.
 */
export function stageAfterUndo(args: {
  current: string | null;
  undoneMetricId: string | null;
  remainingMetricIds: readonly (string | null)[];
  ranks: ReadonlyMap<string, number>;
}): string | null {
  const { current, undoneMetricId, remainingMetricIds, ranks } = args;
  if (undoneMetricId === null || current !== undoneMetricId) return current;
  // Another touch with the same metric keeps them there.
  if (remainingMetricIds.includes(undoneMetricId)) return current;
  return stageFromTouches(remainingMetricIds, ranks);
}
