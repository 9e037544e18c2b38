/**
 * Joins a team through an invite link, landing directly under the invite's member. Idempotent: someone
 * already in the team stays where they are and uses nothing up. A removed member who is invited back is
 * reactivated (their history was kept). Uses are counted atomically, so a single-use link admits one person.
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { recordEvent } from "@/server/services/audit/record-event";
import { lockTeamTree } from "@/server/queries/tree";
import { hashInviteToken } from "./invite-token";
import { INVITE_PROBLEM_MESSAGES, inviteForJoinSelect, inviteProblem } from "./preview-invite";
import * as clock from "@/server/clock";

export async function acceptInvite(db: Db, args: { token: string; userId: string; now?: Date }) {
  const now = args.now ?? clock.now();
  const tokenHash = hashInviteToken(args.token);
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash }, select: inviteForJoinSelect });
    if (!invite) throw new AppError("NOT_FOUND", INVITE_PROBLEM_MESSAGES.not_found);
    await lockTeamTree(tx, invite.teamId);

    const existing = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: invite.teamId, userId: args.userId } },
      select: { id: true, status: true },
    });
    if (existing?.status === "ACTIVE") {
      return { teamId: invite.teamId, teamSlug: invite.team.slug, membershipId: existing.id, joined: false };
    }
    const problem = inviteProblem(invite, now);
    if (problem)
      throw new AppError(problem === "not_found" ? "NOT_FOUND" : "FORBIDDEN", INVITE_PROBLEM_MESSAGES[problem]);

    // Count the use atomically: of two people racing for a single-use link, exactly one gets it.
    const claimed = await tx.invite.updateMany({
      where: {
        id: invite.id,
        revokedAt: null,
        ...(invite.maxUses === null ? {} : { uses: { lt: invite.maxUses } }),
      },
      data: { uses: { increment: 1 } },
    });
    if (claimed.count === 0) throw new AppError("FORBIDDEN", INVITE_PROBLEM_MESSAGES.used_up);

    const membership = existing
      ? await tx.membership.update({
          where: { id: existing.id },
          data: { status: "ACTIVE", removedAt: null, parentId: invite.parentId, role: invite.role, joinedAt: now },
          select: { id: true },
        })
      : await tx.membership.create({
          data: {
            teamId: invite.teamId,
            userId: args.userId,
            parentId: invite.parentId,
            role: invite.role,
            joinedAt: now,
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
    return { teamId: invite.teamId, teamSlug: invite.team.slug, membershipId: membership.id, joined: true };
  });
}
