/**
 * Removes a member from the tree. Their direct downline moves up to the removed member's upline, their
 * pending invites are revoked, and the membership is kept (status REMOVED) so their history is never lost.
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { recordEvent } from "@/server/services/audit/record-event";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { assertCanManage } from "@/server/services/team/permissions";
import { lockTeamTree } from "@/server/services/tree/subtree";
import * as clock from "@/server/clock";

export async function removeMember(db: Db, args: { actor: ActorMembership; memberId: string }) {
  const { actor, memberId } = args;
  return db.$transaction(async (tx) => {
    await lockTeamTree(tx, actor.teamId);
    await assertCanManage(tx, actor, memberId);
    const member = await tx.membership.findUniqueOrThrow({
      where: { id: memberId },
      select: { id: true, parentId: true, role: true },
    });
    if (member.role === "OWNER" || member.parentId === null) {
      throw new AppError("FORBIDDEN", "The team owner cannot be removed.");
    }
    const moved = await tx.membership.updateMany({
      where: { parentId: member.id, status: "ACTIVE" },
      data: { parentId: member.parentId },
    });
    await tx.invite.updateMany({
      where: { parentId: member.id, revokedAt: null },
      data: { revokedAt: clock.now() },
    });
    await tx.membership.update({
      where: { id: member.id },
      data: { status: "REMOVED", removedAt: clock.now(), parentId: null },
    });
    await recordEvent(tx, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: "member.removed",
      subjectId: member.id,
      data: { formerParentId: member.parentId, downlineMovedUp: moved.count },
    });
    return { id: member.id, downlineMovedUp: moved.count };
  });
}
