/** Creates or edits a rank (owner only). Positions are unique; a higher rank must ask at least as much. */
import type { DbClient } from "@/server/db-client";
import { AppError, notFound } from "@/server/errors";
import type { TSaveRankInput } from "@/server/schemas/rank";
import { assertCanEditSettings } from "@/server/services/metric/settings-access";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { rankSelect } from "./list-ranks";

export async function saveRank(db: DbClient, args: { actor: ActorMembership; input: TSaveRankInput }) {
  assertCanEditSettings(args.actor);
  const { rankId, ...data } = args.input;
  const teamId = args.actor.teamId;
  const clash = await db.rank.findFirst({ where: { teamId, position: data.position, ...(rankId ? { id: { not: rankId } } : {}) }, select: { name: true } });
  if (clash) throw new AppError("CONFLICT", `${clash.name} already has position ${data.position}.`, { field: "position" });
  if (rankId) {
    const found = await db.rank.findFirst({ where: { id: rankId, teamId }, select: { id: true } });
    if (!found) throw notFound("Rank");
    return db.rank.update({ where: { id: rankId }, data, select: rankSelect });
  }
  return db.rank.create({ data: { teamId, ...data }, select: rankSelect });
}
