/**
 * Revokes an invite link: its creator, or the owner, can (`inviteRevokeProcedure` finds it with
 * `findRevocableInvite`; anyone else's is NOT_FOUND). Revoking twice is harmless.
 */
import type { Db, DbClient } from "@/server/db-client";
import { lockTeamTree } from "@/server/queries/tree";
import { notFound } from "@/server/errors";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import { releaseWaitingInvites, sendReleasedInvitations } from "./release-waiting-invites";
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

/** Invitations of an import that waited for the revoked one open where it would have landed. */
export async function revokeInvite(db: Db, scope: TeamScope, invite: RevocableInvite) {
  if (invite.revokedAt) return { id: invite.id, revokedAt: invite.revokedAt };
  const now = clock.now();
  const { revoked, released } = await db.$transaction(async (tx) => {
    await lockTeamTree(tx, scope.team.id);
    const revoked = await tx.invite.update({
      where: { id: invite.id },
      data: { revokedAt: now },
      select: { id: true, revokedAt: true, parentId: true, afterInviteId: true },
    });
    await recordActorEvent(tx, scope.actor, { action: "invite.revoked", subjectId: invite.id });
    // Revoking an invitation that was itself waiting: its waiting downline now waits for what it waited for.
    if (revoked.afterInviteId) {
      await tx.invite.updateMany({
        where: { afterInviteId: invite.id },
        data: { afterInviteId: revoked.afterInviteId },
      });
    }
    const released = revoked.afterInviteId
      ? []
      : await releaseWaitingInvites(tx, { inviteId: invite.id, landingParentId: revoked.parentId, now });
    return { revoked: { id: revoked.id, revokedAt: revoked.revokedAt }, released };
  });
  await sendReleasedInvitations(db, released);
  return revoked;
}
