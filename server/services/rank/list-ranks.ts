/** The team's ranks, lowest first. */
import type { DbClient } from "@/server/db-client";
import type { Prisma } from "@/generated/prisma/client";

export const rankSelect = {
  id: true,
  name: true,
  position: true,
  personalVolume: true,
  teamVolume: true,
  personallySponsored: true,
  qualifiedLegs: true,
  monthlyIncome: true,
} satisfies Prisma.RankSelect;

export function listRanks(db: DbClient, args: { teamId: string }) {
  return db.rank.findMany({ where: { teamId: args.teamId }, orderBy: { position: "asc" }, select: rankSelect });
}
