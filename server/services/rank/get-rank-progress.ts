/**
 * Where a member stands against the team's ranks this calendar month (load-standing.ts), the rank they reach and the
 * gap to the next one (`rankGap`, server/domain/rank.ts). The member (`subjectId`, the caller by default) is checked
 * by `rankSubjectProcedure` (server/api/policy/rank.ts).
 */
import type { DbClient } from "@/server/db-client";
import { endOfPeriod, startOfPeriod } from "@/server/domain/calendar";
import { rankGap } from "@/server/domain/rank";
import type { TeamScope } from "@/server/services/team/scope";
import { loadRanks, type Rank } from "./list-ranks";
import { loadStanding, type RankStanding } from "./load-standing";

const meets = (standing: RankStanding, rank: Rank) =>
  Object.values(rankGap(rank, standing)).every((missing) => missing === 0);

export async function getRankProgress(db: DbClient, scope: TeamScope, input: { subjectId: string }) {
  const { team, today } = scope;
  const ranks = await loadRanks(db, { teamId: team.id });
  if (ranks.length === 0) return { ranks, current: null, next: null, standing: null, gap: null, month: null };
  const month = { start: startOfPeriod(today, "month"), end: endOfPeriod(today, "month") };
  const standing = await loadStanding(db, {
    teamId: team.id,
    membershipId: input.subjectId,
    from: month.start,
    to: today,
    legThreshold: ranks[0]!.teamVolume,
  });
  let current: Rank | null = null;
  for (const r of ranks) if (meets(standing, r)) current = r;
  const next = current ? (ranks.find((r) => r.position > current.position) ?? null) : ranks[0]!;
  return { ranks, current, next, standing, gap: next ? rankGap(next, standing) : null, month };
}
