/** Deletes a rank (owner only). */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import { assertCanEditSettings } from "@/server/services/metric/settings-access";
import type { ActorMembership } from "@/server/services/team/load-team-access";

export async function deleteRank(db: DbClient, args: { actor: ActorMembership; rankId: string }) {
  assertCanEditSettings(args.actor);
  const { count } = await db.rank.deleteMany({ where: { id: args.rankId, teamId: args.actor.teamId } });
  if (count === 0) throw notFound("Rank");
  return { id: args.rankId };
}
