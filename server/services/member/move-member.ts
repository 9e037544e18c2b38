/**
 * Moves a member, with their whole downline, under another upline. One transaction holding the team's
 * tree lock: the actor must manage the member, the new upline must be in the actor's own subtree, and
 * a move under oneself or one's own downline (a cycle) is refused.
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { recordEvent } from "@/server/services/audit/record-event";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { assertCanManage, assertCanView } from "@/server/services/team/permissions";
import { isInSubtree, lockTeamTree } from "@/server/services/tree/subtree";
import type { TMoveMemberInput } from "@/server/schemas/member";

export async function moveMember(db: Db, args: { actor: ActorMembership; input: TMoveMemberInput }) {
  const { actor, input } = args;
  return db.$transaction(async (tx) => {
    await lockTeamTree(tx, actor.teamId);
    await assertCanManage(tx, actor, input.memberId);
    await assertCanView(tx, actor, input.newParentId);

    const member = await tx.membership.findUniqueOrThrow({
      where: { id: input.memberId },
      select: { id: true, parentId: true, role: true },
    });
    if (member.role === "OWNER") throw new AppError("FORBIDDEN", "The team owner stays at the top of the tree.");
    if (member.parentId === input.newParentId) return { id: member.id, parentId: member.parentId, changed: false };
    if (await isInSubtree(tx, { teamId: actor.teamId, ancestorId: member.id, memberId: input.newParentId })) {
      throw new AppError("BAD_REQUEST", "A member cannot be moved under themselves or anyone in their own downline.", {
        field: "newParentId",
      });
    }
    await tx.membership.update({ where: { id: member.id }, data: { parentId: input.newParentId } });
    await recordEvent(tx, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: "member.moved",
      subjectId: member.id,
      data: { from: member.parentId, to: input.newParentId },
    });
    return { id: member.id, parentId: input.newParentId, changed: true };
  });
}
