/** Makes a member a LEADER or a plain MEMBER. The owner can for anyone; a leader for their downline. */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { recordEvent } from "@/server/services/audit/record-event";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { assertCanManage } from "@/server/services/team/permissions";

export async function setMemberRole(
  db: Db,
  args: { actor: ActorMembership; memberId: string; role: "LEADER" | "MEMBER" },
) {
  const { actor, memberId, role } = args;
  return db.$transaction(async (tx) => {
    await assertCanManage(tx, actor, memberId);
    const member = await tx.membership.findUniqueOrThrow({ where: { id: memberId }, select: { role: true } });
    if (member.role === "OWNER") throw new AppError("FORBIDDEN", "The owner's role cannot be changed.");
    if (member.role === role) return { id: memberId, role };
    await tx.membership.update({ where: { id: memberId }, data: { role } });
    await recordEvent(tx, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: "member.role_changed",
      subjectId: memberId,
      data: { from: member.role, to: role },
    });
    return { id: memberId, role };
  });
}
