/**
 * Who may plan what. Goals follow the tree rules in server/services/team/permissions.ts:
 * the owner plans for any subtree; a leader for their own team (rooted at themselves) or any subtree inside it;
 * a member plans for no one. A goal a caller may neither manage nor is part of is NOT_FOUND.
 */
import type { DbClient } from "@/server/db-client";
import { forbidden, notFound } from "@/server/errors";
import { canView } from "@/server/services/team/permissions";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { isInSubtree } from "@/server/services/tree/subtree";
import { goalPlanFields } from "./goal-plan-fields";

export async function assertCanPlanFor(db: DbClient, actor: ActorMembership, rootId: string): Promise<void> {
  if (!(await canView(db, actor, rootId))) throw notFound("Member");
  if (actor.role === "MEMBER") throw forbidden("Only the team owner and leaders can set goals.");
}

export async function canPlanFor(db: DbClient, actor: ActorMembership, rootId: string): Promise<boolean> {
  return actor.role !== "MEMBER" && (await canView(db, actor, rootId));
}

/** The team root (the owner's node) — default root of an owner's goals. */
export async function teamRootId(db: DbClient, teamId: string): Promise<string> {
  const root = await db.membership.findFirst({
    where: { teamId, parentId: null, status: "ACTIVE" },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  if (!root) throw notFound("Team");
  return root.id;
}

export const goalRowSelect = {
  ...goalPlanFields,
  teamId: true,
  rootMembershipId: true,
  metricId: true,
  splitRule: true,
  historyDays: true,
  historyFloorPct: true,
  status: true,
  version: true,
  publishedAt: true,
  createdAt: true,
} as const;

/** A goal the actor manages (its root is in their subtree; the owner: any). */
export async function loadGoalForManage(db: DbClient, actor: ActorMembership, goalId: string) {
  const goal = await db.goal.findFirst({ where: { id: goalId, teamId: actor.teamId }, select: goalRowSelect });
  if (!goal) throw notFound("Goal");
  if (!(await canView(db, actor, goal.rootMembershipId))) {
    const mine = await db.memberTarget.findFirst({ where: { goalId, membershipId: actor.id }, select: { membershipId: true } });
    if (!mine) throw notFound("Goal");
    throw forbidden("Only the leader who set this goal (or someone above them) can change it.");
  }
  if (actor.role === "MEMBER") throw forbidden("Only the team owner and leaders can change goals.");
  return goal;
}

/** A goal the actor may see: they manage it or have a target in it. */
export async function loadGoalForView(db: DbClient, actor: ActorMembership, goalId: string) {
  const goal = await db.goal.findFirst({ where: { id: goalId, teamId: actor.teamId }, select: goalRowSelect });
  if (!goal) throw notFound("Goal");
  const manages = await canPlanFor(db, actor, goal.rootMembershipId);
  if (manages) return { goal, manages };
  const mine = await db.memberTarget.findFirst({ where: { goalId, membershipId: actor.id }, select: { membershipId: true } });
  if (!mine || goal.status !== "PUBLISHED") throw notFound("Goal");
  return { goal, manages };
}

/** May the actor see this member's numbers (themselves or their downline; owner: everyone)? */
export async function canSeeMember(db: DbClient, actor: ActorMembership, memberId: string): Promise<boolean> {
  if (actor.id === memberId || actor.role === "OWNER") return true;
  return isInSubtree(db, { teamId: actor.teamId, ancestorId: actor.id, memberId });
}
