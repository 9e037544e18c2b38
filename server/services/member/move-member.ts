/**
 * Moves a member, with their whole downline, under another upline (`memberMoveProcedure`: the caller manages the
 * member and can see the new upline). One transaction holding the team's tree lock; a move under oneself or one's
 * own downline (a cycle) is refused.
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { recordActorEvent } from "@/server/services/audit/record-event";
import { assertCanManage, assertCanView } from "@/server/services/team/permissions";
import type { TeamScope } from "@/server/services/team/scope";
import { isInSubtree, lockTeamTree } from "@/server/queries/tree";
import { followTreeChange } from "@/server/services/goal/follow-tree";
import { BULK_TRANSACTION } from "@/server/queries/goal-targets";
import type { TMoveMemberInput } from "@/server/schemas/member";

export async function moveMember(db: Db, scope: TeamScope, input: TMoveMemberInput) {
  const { actor } = scope;
  return db.$transaction(async (tx) => {
    await lockTeamTree(tx, scope.team.id);
    // Again under the lock: the procedure checked before it, and a concurrent move may have changed the tree since.
    await assertCanManage(tx, actor, input.memberId);
    await assertCanView(tx, actor, input.newParentId);

    const member = await tx.membership.findUniqueOrThrow({
      where: { id: input.memberId },
      select: { id: true, parentId: true, role: true },
    });
    if (member.role === "OWNER") throw new AppError("FORBIDDEN", "The team owner stays at the top of the tree.");
    if (member.parentId === input.newParentId) return { id: member.id, parentId: member.parentId, changed: false };
    if (await isInSubtree(tx, { teamId: scope.team.id, ancestorId: member.id, memberId: input.newParentId })) {
      throw new AppError("BAD_REQUEST", "A member cannot be moved under themselves or anyone in their own downline.", {
        field: "newParentId",
      });
    }
    await tx.membership.update({ where: { id: member.id }, data: { parentId: input.newParentId } });
    const data = { from: member.parentId, to: input.newParentId };
    await recordActorEvent(tx, actor, { action: "member.moved", subjectId: member.id, data });
    if (member.parentId !== null) {
      // Targets follow the tree: both branches are re-split for the rest of each goal, in this transaction.
      await followTreeChange(tx, {
        teamId: scope.team.id,
        actorId: actor.id,
        change: { kind: "moved", memberId: member.id, fromParentId: member.parentId, toParentId: input.newParentId },
        today: scope.today,
      });
    }
    return { id: member.id, parentId: input.newParentId, changed: true };
  }, BULK_TRANSACTION);
}
