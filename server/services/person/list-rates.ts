/**
 * Rates from the names list (issue 18): what a member's own list observed at each step of the team's funnels, ready
 * for the one funnel (`funnelRateStages`, server/domain/member-actions.ts; the rule is server/domain/list-rates.ts).
 * Two small queries: the team's funnel chain (for the ranks) and the member's people counted per stage (a GROUP BY on
 * the `(membershipId, stageMetricId)` index, whatever the list's size). The member's own list only: the caller passes
 * the acting member (My plan, the profile), never someone else's.
 */
import type { DbClient } from "@/server/db-client";
import type { StageHistory } from "@/server/domain/funnel";
import { listHistoryForFunnel } from "@/server/domain/list-rates";
import { loadStageRanks } from "./stage-ranks";

/** Per result metric id: the list's observations per step of its funnel (empty when the list has none). */
export type ListHistoryByResult = (resultId: string, stepIds: readonly string[]) => Record<string, StageHistory>;

export async function loadListHistory(
  db: DbClient,
  args: { teamId: string; membershipId: string },
): Promise<ListHistoryByResult> {
  const [ranks, groups] = await Promise.all([
    loadStageRanks(db, args.teamId),
    db.person.groupBy({
      by: ["stageMetricId"],
      where: { teamId: args.teamId, membershipId: args.membershipId, stageMetricId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const peopleByStage: Record<string, number> = {};
  for (const g of groups) if (g.stageMetricId) peopleByStage[g.stageMetricId] = g._count._all;
  return listHistoryFrom(ranks, peopleByStage);
}

/** The list's observations from what is already read (My plan reads them here; the Log in its one context query). */
export function listHistoryFrom(
  ranks: ReadonlyMap<string, number>,
  peopleByStage: Readonly<Record<string, number>>,
): ListHistoryByResult {
  return (resultId, stepIds) => listHistoryForFunnel({ resultId, stepIds, peopleByStage, ranks });
}
