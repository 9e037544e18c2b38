/**
 * `person.invite`: sponsoring a person on the caller's names list — an invite that places them directly under the
 * caller in the tree, by the existing invite rules (`personInviteProcedure`). A person with an email address gets an
 * invitation bound to it (mailed, single use, for the import invitations' days; it also waits on their teams page);
 * without one, a single-use link for 7 days that the member shares themselves. The invite carries the person
 * (`Invite.personId`): when it is accepted, the person is linked to the new membership in the same transaction as
 * the join (server/services/invite/accept-invite.ts, `linkSponsoredPerson`).
 *
 * One live invite per person: a new one revokes the caller's earlier unused ones for that person.
 */
import type { Db, DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { recordActorEvent } from "@/server/services/audit/record-event";
import { IMPORT_INVITATION_DAYS } from "@/server/services/invite/invitation-days";
import { sendInvitationEmail } from "@/server/services/invite/invitation-mail";
import { newInviteToken } from "@/server/services/invite/invite-token";
import type { TeamScope } from "@/server/services/team/scope";
import * as clock from "@/server/clock";

const DAY_MS = 86_400_000;
export const PERSON_LINK_DAYS = 7;

export async function invitePerson(db: Db, scope: TeamScope, person: { id: string }) {
  const { actor } = scope;
  const now = clock.now();
  const { token, tokenHash } = newInviteToken();
  const invite = await db.$transaction(async (tx) => {
    const p = await tx.person.findUniqueOrThrow({
      where: { id: person.id },
      select: { email: true, joinedMembershipId: true },
    });
    if (p.joinedMembershipId) throw new AppError("CONFLICT", "This person has already joined the team.");
    await tx.invite.updateMany({
      where: { personId: person.id, createdById: actor.id, revokedAt: null, uses: 0 },
      data: { revokedAt: now },
    });
    const days = p.email ? IMPORT_INVITATION_DAYS : PERSON_LINK_DAYS;
    const created = await tx.invite.create({
      data: {
        teamId: actor.teamId,
        tokenHash,
        createdById: actor.id,
        parentId: actor.id,
        email: p.email?.toLowerCase() ?? null,
        role: "MEMBER",
        maxUses: 1,
        expiresAt: new Date(now.getTime() + days * DAY_MS),
        createdAt: now,
        personId: person.id,
      },
      select: { id: true, email: true, expiresAt: true },
    });
    await recordActorEvent(tx, actor, { action: "invite.created", subjectId: created.id, data: { sponsor: true } });
    return created;
  });
  const mailed = invite.email
    ? (await sendInvitationEmail(db, { to: invite.email, token, teamName: scope.team.name })).sent
    : false;
  return {
    inviteId: invite.id,
    email: invite.email,
    expiresAt: invite.expiresAt,
    mailed,
    token,
    path: `/join/${token}`,
  };
}

/**
 * Inside the join's transaction: the person an accepted invite sponsored is linked to the membership that joined, and
 * their outcome becomes JOINED. Nothing happens when the person was deleted, is already linked, or this membership
 * already stands for another person.
 */
export async function linkSponsoredPerson(tx: DbClient, args: { personId: string; membershipId: string }) {
  const taken = await tx.person.findUnique({ where: { joinedMembershipId: args.membershipId }, select: { id: true } });
  if (taken) return false;
  const linked = await tx.person.updateMany({
    where: { id: args.personId, joinedMembershipId: null },
    data: { joinedMembershipId: args.membershipId, outcome: "JOINED" },
  });
  return linked.count === 1;
}
