/** Revokes an invite link: its creator, or the owner, can. Revoking twice is harmless. */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import { recordEvent } from "@/server/services/audit/record-event";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import * as clock from "@/server/clock";

export async function revokeInvite(db: DbClient, args: { actor: ActorMembership; inviteId: string; now?: Date }) {
  const { actor } = args;
  const invite = await db.invite.findFirst({
    where: { id: args.inviteId, teamId: actor.teamId, ...(actor.role === "OWNER" ? {} : { createdById: actor.id }) },
    select: { id: true, revokedAt: true },
  });
  if (!invite) throw notFound("Invite");
  if (invite.revokedAt) return { id: invite.id, revokedAt: invite.revokedAt };
  const revoked = await db.invite.update({
    where: { id: invite.id },
    data: { revokedAt: args.now ?? clock.now() },
    select: { id: true, revokedAt: true },
  });
  await recordEvent(db, { teamId: actor.teamId, actorId: actor.id, action: "invite.revoked", subjectId: invite.id });
  return revoked;
}
