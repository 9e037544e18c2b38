/**
 * Creates or edits a rank (the owner: `settingsProcedure`, server/api/policy/rank.ts). Positions are unique; a
 * higher rank must ask at least as much.
 */
import type { DbClient } from "@/server/db-client";
import { AppError, notFound } from "@/server/errors";
import type { TSaveRankInput } from "@/server/schemas/rank";
import type { TeamScope } from "@/server/services/team/scope";
import { rankSelect } from "./list-ranks";

export async function saveRank(db: DbClient, scope: TeamScope, input: TSaveRankInput) {
  const { rankId, ...data } = input;
  const teamId = scope.team.id;
  const clash = await db.rank.findFirst({
    where: { teamId, position: data.position, ...(rankId ? { id: { not: rankId } } : {}) },
    select: { name: true },
  });
  if (clash)
    throw new AppError("CONFLICT", `${clash.name} already has position ${data.position}.`, { field: "position" });
  if (rankId) {
    const found = await db.rank.findFirst({ where: { id: rankId, teamId }, select: { id: true } });
    if (!found) throw notFound("Rank");
    return db.rank.update({ where: { id: rankId }, data, select: rankSelect });
  }
  return db.rank.create({ data: { teamId, ...data }, select: rankSelect });
}
