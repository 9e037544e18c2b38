/**
 * Joins a team through an invite, landing directly under the invite's member: by the link's token (`invite.accept`,
 * the join page) or, for an invitation bound to the signed-in person's address, by its id (`invite.acceptInvitation`,
 * the teams page). Idempotent: someone already in the team stays where they are and uses nothing up. Uses are
 * counted atomically, so a single-use link admits one person.
 *
 * Consent and identity: only a VERIFIED account joins (a password sign-up must open its verification link first);
 * an invitation bound to an address is accepted by the account of that address only.
 *
 * Removal sticks: a removed member is reactivated (their history was kept) only through an invite made AFTER their
 * removal — an older link, even an unlimited one, does not bring them back.
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { recordEvent } from "@/server/services/audit/record-event";
import { lockTeamTree } from "@/server/queries/tree";
import { followTreeChange } from "@/server/services/goal/follow-tree";
import { BULK_TRANSACTION } from "@/server/queries/goal-targets";
import { hashInviteToken } from "./invite-token";
import { releaseWaitingInvites, sendReleasedInvitations } from "./release-waiting-invites";
import { INVITE_PROBLEM_MESSAGES, inviteForJoinSelect, inviteProblem } from "./preview-invite";
import { linkSponsoredPerson } from "@/server/services/person/invite-person";
import * as clock from "@/server/clock";
import { takeMemberSlots } from "@/server/queries/member-slot";
import { notifyRecruitJoined } from "@/server/services/notification/event-notifications";

export const VERIFY_EMAIL_FIRST = "Verify your email first: open the link we sent you, then join.";
export const INVITE_FOR_ANOTHER_EMAIL =
  "This invitation was sent to another email address. Sign in with that address to accept it.";
export const INVITE_BEFORE_REMOVAL = "This invite was made before you left the team. Ask for a new one.";

type Where = { tokenHash: string } | { id: string; email: string };

export function acceptInvite(db: Db, args: { token: string; userId: string; now?: Date }) {
  return joinThenMail(db, { where: { tokenHash: hashInviteToken(args.token) }, userId: args.userId, now: args.now });
}

/** An invitation to the signed-in person's address (`invitationProcedure` found it by id and address). */
export function acceptInvitation(db: Db, args: { inviteId: string; email: string; userId: string; now?: Date }) {
  return joinThenMail(db, { where: { id: args.inviteId, email: args.email }, userId: args.userId, now: args.now });
}

/**
 * Declines an invitation to the signed-in person's address; it can no longer be used. Invitations of the same import
 * that waited for it open where it would have landed.
 */
export async function declineInvitation(db: Db, args: { inviteId: string; email: string }) {
  const now = clock.now();
  const { declined, released } = await db.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({
      where: { id: args.inviteId, email: args.email, declinedAt: null, afterInviteId: null },
      select: { id: true, teamId: true, parentId: true },
    });
    if (!invite) return { declined: false, released: [] };
    await lockTeamTree(tx, invite.teamId);
    await tx.invite.update({ where: { id: invite.id }, data: { declinedAt: now } });
    const released = await releaseWaitingInvites(tx, { inviteId: invite.id, landingParentId: invite.parentId, now });
    return { declined: true, released };
  });
  await sendReleasedInvitations(db, released);
  return { id: args.inviteId, declined };
}

async function joinThenMail(db: Db, args: { where: Where; userId: string; now?: Date }) {
  const { joined, released } = await join(db, args);
  await sendReleasedInvitations(db, released);
  return joined;
}

async function join(db: Db, args: { where: Where; userId: string; now?: Date }) {
  const now = args.now ?? clock.now();
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: args.where, select: inviteForJoinSelect });
    if (!invite) throw new AppError("NOT_FOUND", INVITE_PROBLEM_MESSAGES.not_found);
    await lockTeamTree(tx, invite.teamId);

    const user = await tx.user.findUniqueOrThrow({
      where: { id: args.userId },
      select: { email: true, emailVerified: true },
    });
    if (invite.email !== null && invite.email !== user.email) throw new AppError("FORBIDDEN", INVITE_FOR_ANOTHER_EMAIL);

    const existing = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: invite.teamId, userId: args.userId } },
      select: { id: true, status: true, removedAt: true },
    });
    if (existing?.status === "ACTIVE") {
      const joined = { teamId: invite.teamId, teamSlug: invite.team.slug, membershipId: existing.id, joined: false };
      return { joined, released: [] };
    }
    if (!user.emailVerified) throw new AppError("FORBIDDEN", VERIFY_EMAIL_FIRST, { field: "verifyEmail" });
    const problem = inviteProblem(invite, now);
    if (problem)
      throw new AppError(problem === "not_found" ? "NOT_FOUND" : "FORBIDDEN", INVITE_PROBLEM_MESSAGES[problem]);
    if (existing?.removedAt && invite.createdAt <= existing.removedAt) {
      throw new AppError("FORBIDDEN", INVITE_BEFORE_REMOVAL);
    }

    // Count the use atomically: of two people racing for a single-use link, exactly one gets it.
    const claimed = await tx.invite.updateMany({
      where: {
        id: invite.id,
        revokedAt: null,
        declinedAt: null,
        ...(invite.maxUses === null ? {} : { uses: { lt: invite.maxUses } }),
      },
      data: { uses: { increment: 1 } },
    });
    if (claimed.count === 0) throw new AppError("FORBIDDEN", INVITE_PROBLEM_MESSAGES.used_up);

    const membership = existing
      ? await tx.membership.update({
          where: { id: existing.id },
          data: {
            status: "ACTIVE",
            removedAt: null,
            parentId: invite.parentId,
            formerParentId: null,
            role: invite.role,
            joinedAt: now,
          },
          select: { id: true },
        })
      : await tx.membership.create({
          data: {
            teamId: invite.teamId,
            userId: args.userId,
            parentId: invite.parentId,
            role: invite.role,
            joinedAt: now,
            slot: await takeMemberSlots(tx, invite.teamId),
          },
          select: { id: true },
        });
    await recordEvent(tx, {
      teamId: invite.teamId,
      actorId: membership.id,
      action: existing ? "member.rejoined" : "member.joined",
      subjectId: membership.id,
      data: { inviteId: invite.id, parentId: invite.parentId },
    });
    // A person sponsored from the inviter's names list becomes this membership (issue 18), in this transaction.
    if (invite.personId) await linkSponsoredPerson(tx, { personId: invite.personId, membershipId: membership.id });
    // Targets follow the tree: the recruit's new branch is re-split for the rest of each goal, in this transaction.
    if (invite.parentId) {
      const team = await tx.team.findUniqueOrThrow({ where: { id: invite.teamId }, select: { timeZone: true } });
      await followTreeChange(tx, {
        teamId: invite.teamId,
        actorId: membership.id,
        change: { kind: "joined", memberId: membership.id, parentId: invite.parentId, rejoined: !!existing },
        today: clock.teamToday(team),
      });
    }
    // The upline they land under hears it (issue 20), in this transaction.
    if (invite.parentId) {
      await notifyRecruitJoined(tx, {
        team: { id: invite.teamId, slug: invite.team.slug },
        membershipId: membership.id,
        parentId: invite.parentId,
        inviteId: invite.id,
        rejoined: !!existing,
      });
    }
    // Invitations of the same import that waited for this one open under the person who just joined.
    const released = await releaseWaitingInvites(tx, { inviteId: invite.id, landingParentId: membership.id, now });
    const joined = { teamId: invite.teamId, teamSlug: invite.team.slug, membershipId: membership.id, joined: true };
    return { joined, released };
  }, BULK_TRANSACTION);
}
