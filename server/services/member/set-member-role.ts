/**
 * Makes a member a LEADER or a plain MEMBER (`memberManagerProcedure`: the owner for anyone, a leader for their
 * downline).
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { TSetRoleInput } from "@/server/schemas/member";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";

export async function setMemberRole(db: Db, scope: TeamScope, input: TSetRoleInput) {
  const { memberId, role } = input;
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findUniqueOrThrow({ where: { id: memberId }, select: { role: true } });
    if (member.role === "OWNER") throw new AppError("FORBIDDEN", "The owner's role cannot be changed.");
    if (member.role === role) return { id: memberId, role };
    await tx.membership.update({ where: { id: memberId }, data: { role } });
    await recordActorEvent(tx, scope.actor, {
      action: "member.role_changed",
      subjectId: memberId,
      data: { from: member.role, to: role },
    });
    return { id: memberId, role };
  });
}
