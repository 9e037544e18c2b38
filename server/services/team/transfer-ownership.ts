/**
 * Hands the team to another active member (`team.transferOwnership`, the owner only: `transferOwnershipProcedure`
 * checks the new owner is an active member of the team). The owner is the root of the tree, so exactly two upline
 * links change, under the per-team tree lock: the new owner becomes the root, keeping their own downline, and the old
 * owner — now a LEADER — sits directly under them, keeping everyone else. Every other sponsor line is untouched.
 * Goals rooted at the old owner's node were the team's goals: they are re-rooted at the new owner so they keep
 * covering the whole team, and the stored team targets of the team's goals are summed again over the new shape
 * (`recomputeTeamTargets`: nobody's own target changes). One AuditEvent `team.ownership_transferred`.
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { recomputeTeamTargets } from "@/server/queries/goal-targets";
import { lockTeamTree } from "@/server/queries/tree";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "./scope";

export async function transferOwnership(db: Db, scope: TeamScope, newOwner: { id: string; parentId: string | null }) {
  const { actor, team } = scope;
  return db.$transaction(async (tx) => {
    await lockTeamTree(tx, team.id);
    // Re-read under the lock: a second transfer racing this one finds the caller no longer the owner.
    const [me, target] = await Promise.all([
      tx.membership.findFirst({ where: { id: actor.id, teamId: team.id, role: "OWNER", status: "ACTIVE" } }),
      tx.membership.findFirst({
        where: { id: newOwner.id, teamId: team.id, status: "ACTIVE" },
        select: { role: true },
      }),
    ]);
    if (!me || !target)
      throw new AppError("CONFLICT", "The team changed while you were deciding. Reload and try again.");
    await tx.membership.update({ where: { id: newOwner.id }, data: { role: "OWNER", parentId: null } });
    await tx.membership.update({ where: { id: actor.id }, data: { role: "LEADER", parentId: newOwner.id } });
    const goals = await tx.goal.updateMany({
      where: { teamId: team.id, rootMembershipId: actor.id },
      data: { rootMembershipId: newOwner.id },
    });
    // Two upline links moved: every stored team target is again its own plus its downline's (personal targets, and
    // so every goal's total, are unchanged).
    const live = await tx.goal.findMany({
      where: { teamId: team.id, status: { not: "ARCHIVED" } },
      select: { id: true },
    });
    await recomputeTeamTargets(tx, { teamId: team.id, goalIds: live.map((g) => g.id) });
    await recordActorEvent(tx, actor, {
      action: "team.ownership_transferred",
      subjectId: newOwner.id,
      data: {
        from: actor.id,
        to: newOwner.id,
        formerRole: target.role,
        formerParentId: newOwner.parentId,
        goalsMoved: goals.count,
      },
    });
    return { ownerId: newOwner.id, formerOwnerId: actor.id, formerOwnerRole: "LEADER" as const };
  });
}

/** The member who is to own the team: active, in the team, not the owner; NOT_FOUND / BAD_REQUEST otherwise. */
export async function findNewOwner(db: Db, scope: TeamScope, membershipId: string) {
  if (membershipId === scope.actor.id)
    throw new AppError("BAD_REQUEST", "You already own this team. Choose another member.", { field: "membershipId" });
  const member = await db.membership.findFirst({
    where: { id: membershipId, teamId: scope.team.id, status: "ACTIVE" },
    select: { id: true, parentId: true },
  });
  if (!member) throw new AppError("NOT_FOUND", "Member was not found.", { field: "membershipId" });
  return member;
}
