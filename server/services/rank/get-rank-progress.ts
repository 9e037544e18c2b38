/**
 * Where a member stands against the team's ranks this calendar month: the rank they are paid as and the gap to the
 * next one (`rankGap`, server/domain/rank.ts), measured with the team's rank rules (server/domain/rank-legs.ts) over
 * their whole subtree in one query. The member (`subjectId`, the caller by default) is checked by
 * `rankSubjectProcedure` (server/api/policy/rank.ts). The full card is get-rank-card.ts.
 */
import type { DbClient } from "@/server/db-client";
import { endOfPeriod, startOfPeriod } from "@/server/domain/calendar";
import { rankGap } from "@/server/domain/rank";
import { evaluateRanks, requirementLines, sortRules } from "@/server/domain/rank-legs";
import type { TeamScope } from "@/server/services/team/scope";
import { loadRanks } from "./list-ranks";
import { loadRankSubtree } from "./load-rank-tree";

export async function getRankProgress(db: DbClient, scope: TeamScope, input: { subjectId: string }) {
  const { team, today } = scope;
  const ranks = sortRules(await loadRanks(db, { teamId: team.id }));
  if (ranks.length === 0) return { ranks, current: null, next: null, standing: null, gap: null, month: null };
  const month = { start: startOfPeriod(today, "month"), end: endOfPeriod(today, "month") };
  const sub = await loadRankSubtree(db, {
    teamId: team.id,
    rootId: input.subjectId,
    monthsFrom: month.start,
    monthsTo: today,
    windowFrom: today,
    windowTo: today,
  });
  const tree = evaluateRanks(sub.nodesIn(month.start.slice(0, 7)), ranks);
  const held = tree.held[tree.index.get(input.subjectId)!]!;
  const current = held >= 0 ? ranks[held]! : null;
  const next = ranks[held + 1] ?? null;
  const lines = requirementLines(tree, input.subjectId, next ? held + 1 : held);
  const actual = (key: string) => lines.find((l) => l.key === key)!.actual;
  const standing = {
    personalVolume: actual("personalVolume"),
    teamVolume: actual("teamVolume"),
    personallySponsored: actual("personallySponsored"),
    qualifiedLegs: actual("qualifiedLegs"),
  };
  return { ranks, current, next, standing, gap: next ? rankGap(next, standing) : null, month };
}
