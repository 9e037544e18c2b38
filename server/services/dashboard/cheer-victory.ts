/** Cheer a victory of someone the actor can see. Idempotent: one cheer per person per victory. */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import { canView } from "@/server/services/team/permissions";
import type { ActorMembership } from "@/server/services/team/load-team-access";

export async function cheerVictory(db: DbClient, args: { actor: ActorMembership; victoryId: string }) {
  const victory = await db.victory.findFirst({
    where: { id: args.victoryId, teamId: args.actor.teamId },
    select: { id: true, membershipId: true },
  });
  if (!victory || !(await canView(db, args.actor, victory.membershipId))) throw notFound("Victory");
  await db.cheer.upsert({
    where: { victoryId_membershipId: { victoryId: victory.id, membershipId: args.actor.id } },
    create: { victoryId: victory.id, membershipId: args.actor.id },
    update: {},
  });
  const cheers = await db.cheer.count({ where: { victoryId: victory.id } });
  return { victoryId: victory.id, cheers, cheeredByMe: true };
}
