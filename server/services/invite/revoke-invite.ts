/**
 * Revokes an invite link: its creator, or the owner, can (`inviteRevokeProcedure` finds it with
 * `findRevocableInvite`; anyone else's is NOT_FOUND). Revoking twice is harmless.
 */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import * as clock from "@/server/clock";

export interface RevocableInvite {
  id: string;
  revokedAt: Date | null;
}

/** An invite of the team the caller created (the owner: any); NOT_FOUND otherwise. */
export async function findRevocableInvite(db: DbClient, scope: TeamScope, inviteId: string): Promise<RevocableInvite> {
  const { actor } = scope;
  const invite = await db.invite.findFirst({
    where: { id: inviteId, teamId: scope.team.id, ...(actor.role === "OWNER" ? {} : { createdById: actor.id }) },
    select: { id: true, revokedAt: true },
  });
  if (!invite) throw notFound("Invite");
  return invite;
}

export async function revokeInvite(db: DbClient, scope: TeamScope, invite: RevocableInvite) {
  if (invite.revokedAt) return { id: invite.id, revokedAt: invite.revokedAt };
  const revoked = await db.invite.update({
    where: { id: invite.id },
    data: { revokedAt: clock.now() },
    select: { id: true, revokedAt: true },
  });
  await recordActorEvent(db, scope.actor, { action: "invite.revoked", subjectId: invite.id });
  return revoked;
}
