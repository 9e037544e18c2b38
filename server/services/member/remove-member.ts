/**
 * Removes a member from the tree (`memberManagerProcedure`). Their direct downline moves up to the removed member's
 * upline, every invite they made or that lands under them is revoked, and the membership is kept (status REMOVED)
 * so their history is never lost. Rejoining needs an invite made after the removal (accept-invite.ts).
 *
 * Sessions: removal ends the member's access to THIS team at once (every team procedure checks the active
 * membership); it does not end their sessions, since they may belong to other teams.
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { TRemoveMemberInput } from "@/server/schemas/member";
import { recordActorEvent } from "@/server/services/audit/record-event";
import { assertCanManage } from "@/server/services/team/permissions";
import type { TeamScope } from "@/server/services/team/scope";
import { lockTeamTree } from "@/server/queries/tree";
import { followTreeChange } from "@/server/services/goal/follow-tree";
import { BULK_TRANSACTION } from "@/server/queries/goal-targets";
import * as clock from "@/server/clock";

export async function removeMember(db: Db, scope: TeamScope, input: TRemoveMemberInput) {
  const { actor } = scope;
  return db.$transaction(async (tx) => {
    await lockTeamTree(tx, scope.team.id);
    // Again under the lock: the procedure checked before it, and a concurrent move may have changed the tree since.
    await assertCanManage(tx, actor, input.memberId);
    const member = await tx.membership.findUniqueOrThrow({
      where: { id: input.memberId },
      select: { id: true, parentId: true, role: true },
    });
    if (member.role === "OWNER" || member.parentId === null) {
      throw new AppError("FORBIDDEN", "The team owner cannot be removed.");
    }
    const moved = await tx.membership.updateMany({
      where: { parentId: member.id, status: "ACTIVE" },
      data: { parentId: member.parentId },
    });
    // Every invite that lands under them or that they made (a removed leader's unlimited link must not bring
    // them, or anyone, back); accepting checks the removal time as well (server/services/invite/accept-invite.ts).
    await tx.invite.updateMany({
      where: { OR: [{ parentId: member.id }, { createdById: member.id }], revokedAt: null },
      data: { revokedAt: clock.now() },
    });
    await tx.membership.update({
      where: { id: member.id },
      data: { status: "REMOVED", removedAt: clock.now(), parentId: null, formerParentId: member.parentId },
    });
    // Their history keeps counting in their upline's branch (docs/PLANNING.md); so does that of members who left
    // from under them before, as their active downline just moved up.
    await tx.membership.updateMany({
      where: { formerParentId: member.id, status: "REMOVED" },
      data: { formerParentId: member.parentId },
    });
    const data = { formerParentId: member.parentId, downlineMovedUp: moved.count };
    await recordActorEvent(tx, actor, { action: "member.removed", subjectId: member.id, data });
    // Targets follow the tree: the former upline's branch is re-split for the rest of each goal, in this transaction.
    await followTreeChange(tx, {
      teamId: scope.team.id,
      actorId: actor.id,
      change: { kind: "removed", memberId: member.id, formerParentId: member.parentId },
      today: scope.today,
    });
    return { id: member.id, downlineMovedUp: moved.count };
  }, BULK_TRANSACTION);
}
