/** The team's ranks, lowest first (everyone in the team may read them). */
import type { DbClient } from "@/server/db-client";
import type { Prisma } from "@/generated/prisma/client";
import type { TeamScope } from "@/server/services/team/scope";

export const rankSelect = {
  id: true,
  name: true,
  position: true,
  personalVolume: true,
  teamVolume: true,
  personallySponsored: true,
  qualifiedLegs: true,
  monthlyIncome: true,
  legCapPct: true,
  legRankId: true,
  activeMembers: true,
  activeMinVolume: true,
} satisfies Prisma.RankSelect;

export type Rank = Prisma.RankGetPayload<{ select: typeof rankSelect }>;

export function listRanks(db: DbClient, scope: TeamScope): Promise<Rank[]> {
  return loadRanks(db, { teamId: scope.team.id });
}

export function loadRanks(db: DbClient, args: { teamId: string }): Promise<Rank[]> {
  return db.rank.findMany({ where: { teamId: args.teamId }, orderBy: { position: "asc" }, select: rankSelect });
}
