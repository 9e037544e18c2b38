/**
 * Who may plan what. Goals follow the tree rules in server/services/team/permissions.ts:
 * the owner plans for any subtree; a leader for their own team (rooted at themselves) or any subtree inside it;
 * a member plans for no one. A goal a caller may neither manage nor is part of is NOT_FOUND.
 *
 * Procedures declare these on their line through the builders of server/api/policy/goal.ts (`goalProcedure`,
 * `managedGoalProcedure`, `goalRootProcedure`); services trust what the builder checked.
 */
import type { DbClient } from "@/server/db-client";
import { forbidden, notFound } from "@/server/errors";
import { canView } from "@/server/services/team/permissions";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import type { Prisma } from "@/generated/prisma/client";
import { goalPlanFields } from "./goal-plan-fields";

export async function assertCanPlanFor(db: DbClient, actor: ActorMembership, rootId: string): Promise<void> {
  if (!(await canView(db, actor, rootId))) throw notFound("Member");
  if (actor.role === "MEMBER") throw forbidden("Only the team owner and leaders can set goals.");
}

export async function canPlanFor(db: DbClient, actor: ActorMembership, rootId: string): Promise<boolean> {
  return actor.role !== "MEMBER" && (await canView(db, actor, rootId));
}

/**
 * The root of a new goal: the one asked for, else the caller's own node (the owner: the team root), checked with
 * `assertCanPlanFor` (NOT_FOUND for someone the caller cannot see, FORBIDDEN for a member).
 */
export async function resolveGoalRoot(
  db: DbClient,
  actor: ActorMembership,
  rootId: string | undefined,
): Promise<string> {
  const root = rootId ?? (actor.role === "OWNER" ? await teamRootId(db, actor.teamId) : actor.id);
  await assertCanPlanFor(db, actor, root);
  return root;
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
} as const satisfies Prisma.GoalSelect;

export type GoalRow = Prisma.GoalGetPayload<{ select: typeof goalRowSelect }>;

/** The goal's row in the actor's team, no access check (the procedure's builder made it); NOT_FOUND if absent. */
export async function loadGoalRow(db: DbClient, args: { teamId: string; goalId: string }): Promise<GoalRow> {
  const goal = await db.goal.findFirst({ where: { id: args.goalId, teamId: args.teamId }, select: goalRowSelect });
  if (!goal) throw notFound("Goal");
  return goal;
}

/** A goal the actor manages (its root is in their subtree; the owner: any). */
export async function loadGoalForManage(db: DbClient, actor: ActorMembership, goalId: string): Promise<GoalRow> {
  const goal = await loadGoalRow(db, { teamId: actor.teamId, goalId });
  if (!(await canView(db, actor, goal.rootMembershipId))) {
    const mine = await db.memberTarget.findFirst({
      where: { goalId, membershipId: actor.id },
      select: { membershipId: true },
    });
    if (!mine) throw notFound("Goal");
    throw forbidden("Only the leader who set this goal (or someone above them) can change it.");
  }
  if (actor.role === "MEMBER") throw forbidden("Only the team owner and leaders can change goals.");
  return goal;
}

export interface ViewedGoal {
  goal: GoalRow;
  /** The actor manages the goal (its root is in their subtree), rather than only having a target in it. */
  manages: boolean;
}

/** A goal the actor may see: they manage it or have a target in it (published). */
export async function loadGoalForView(db: DbClient, actor: ActorMembership, goalId: string): Promise<ViewedGoal> {
  const goal = await loadGoalRow(db, { teamId: actor.teamId, goalId });
  const manages = await canPlanFor(db, actor, goal.rootMembershipId);
  if (manages) return { goal, manages };
  const mine = await db.memberTarget.findFirst({
    where: { goalId, membershipId: actor.id },
    select: { membershipId: true },
  });
  if (!mine || goal.status !== "PUBLISHED") throw notFound("Goal");
  return { goal, manages };
}
