/**
 * Cheer a victory of someone the actor can see. Idempotent: one cheer per person per victory. `victoryProcedure`
 * (server/api/policy/dashboard.ts) loads the victory with `loadVisibleVictory` first.
 */
import type { Db, DbClient } from "@/server/db-client";
import { notifyCheer } from "@/server/services/notification/event-notifications";
import { notFound } from "@/server/errors";
import { canView } from "@/server/services/team/permissions";
import type { ActorMembership, TeamScope } from "@/server/services/team/scope";

/** A victory of the actor's team won by someone they can see (themselves, their downline; the owner: anyone). */
export async function loadVisibleVictory(db: DbClient, actor: ActorMembership, victoryId: string) {
  const victory = await db.victory.findFirst({
    where: { id: victoryId, teamId: actor.teamId },
    select: { id: true, membershipId: true },
  });
  if (!victory || !(await canView(db, actor, victory.membershipId))) throw notFound("Victory");
  return victory;
}

export async function cheerVictory(db: Db, scope: TeamScope, input: { victoryId: string }) {
  return db.$transaction(async (tx) => {
    await tx.cheer.upsert({
      where: { victoryId_membershipId: { victoryId: input.victoryId, membershipId: scope.actor.id } },
      create: { victoryId: input.victoryId, membershipId: scope.actor.id },
      update: {},
    });
    // The victory's member hears it (issue 20), once per cheerer: cheering again changes nothing.
    await notifyCheer(tx, { team: scope.team, cheererId: scope.actor.id, victoryId: input.victoryId });
    const cheers = await tx.cheer.count({ where: { victoryId: input.victoryId } });
    return { victoryId: input.victoryId, cheers, cheeredByMe: true };
  });
}
