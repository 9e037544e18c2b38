/**
 * Who may plan what. Goals follow the tree rules in server/services/team/permissions.ts:
 * the owner plans for any subtree; whoever leads a branch (a leader, or a sponsor with a downline where the team lets
 * sponsors lead: `actor.leadsBranch`, permissions.ts) for their own team (rooted at themselves) or any subtree inside
 * it; anyone else plans for no one. A goal a caller may neither manage nor is part of is NOT_FOUND.
 *
 * Procedures declare these on their line through the builders of server/api/policy/goal.ts
 * (`goalProcedure("view" | "change")`, `goalRootProcedure`, `proposalProcedure`); services trust what the builder
 * checked. Lists filter row by row with `filterVisibleGoals`, the same rule.
 */
import type { DbClient } from "@/server/db-client";
import { forbidden, notFound } from "@/server/errors";
import { BRANCH_LEADERS, canView } from "@/server/services/team/permissions";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import type { Prisma } from "@/generated/prisma/client";
import { goalPlanFields } from "./goal-plan-fields";
import { memberTarget } from "@/server/queries/goal-split";

export async function assertCanPlanFor(db: DbClient, actor: ActorMembership, rootId: string): Promise<void> {
  if (!(await canView(db, actor, rootId))) throw notFound("Member");
  if (!actor.leadsBranch) throw forbidden(`Only ${BRANCH_LEADERS} can set goals.`);
}

export async function canPlanFor(db: DbClient, actor: ActorMembership, rootId: string): Promise<boolean> {
  return actor.leadsBranch && (await canView(db, actor, rootId));
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
  followTree: true,
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

export interface ViewedGoal {
  goal: GoalRow;
  /** The actor manages the goal (its root is in their subtree), rather than only having a target in it. */
  manages: boolean;
}

/**
 * What a procedure may do with a goal, declared on its line as `goalProcedure(authority)`
 * (server/api/policy/goal.ts):
 *
 * - "view"    the goal is visible: the actor manages it (owner or leader, its root in their subtree; the owner: any),
 *             or has a target in it once it is published. Anything else is NOT_FOUND — to `goal.get`, the dashboard,
 *             the weekly review and every other procedure that takes a goal alike.
 * - "change"  "view", and the actor manages it; someone who sees it only through their own target is FORBIDDEN,
 *             told who can change it. Deciding a member's proposal on the goal takes this authority too.
 */
export type GoalAuthority = "view" | "change";

/** The goal, checked for `authority` (see `GoalAuthority`). */
export async function loadGoalFor(
  db: DbClient,
  actor: ActorMembership,
  goalId: string,
  authority: GoalAuthority,
): Promise<ViewedGoal> {
  const viewed = await loadGoalForView(db, actor, goalId);
  if (authority === "change") await assertCanChangeGoal(db, actor, viewed, "change it");
  return viewed;
}

/** A goal the actor may see: they manage it or have a target in it (published). */
export async function loadGoalForView(db: DbClient, actor: ActorMembership, goalId: string): Promise<ViewedGoal> {
  const goal = await loadGoalRow(db, { teamId: actor.teamId, goalId });
  const manages = await canPlanFor(db, actor, goal.rootMembershipId);
  if (manages) return { goal, manages };
  const mine = await memberTarget(db, { goalId, membershipId: actor.id });
  // An archived goal that had been published stays readable to its members (archive-goal.ts); a draft never is.
  if (!mine || !(goal.status === "PUBLISHED" || (goal.status === "ARCHIVED" && goal.publishedAt !== null)))
    throw notFound("Goal");
  return { goal, manages };
}

/**
 * FORBIDDEN unless the actor manages a goal they can see, saying who can ("… can change it", "… can decide it").
 * The goal's root is the actor or above them here (they have a target in it), so its name is theirs to see.
 */
export async function assertCanChangeGoal(
  db: DbClient,
  actor: ActorMembership,
  viewed: ViewedGoal,
  action: string,
): Promise<void> {
  if (viewed.manages) return;
  if (!actor.leadsBranch) throw forbidden(`Only ${BRANCH_LEADERS} can ${action}.`);
  const root = await db.membership.findUniqueOrThrow({
    where: { id: viewed.goal.rootMembershipId },
    select: { role: true, parentId: true, user: { select: { name: true } } },
  });
  const name = root.user.name;
  const message =
    root.role === "OWNER" || root.parentId === null
      ? `This goal is set for the whole team: only the team owner can ${action}.`
      : `This goal is set for ${name}'s team: only ${name} (when they lead their branch), their uplines who lead ` +
        `theirs or the team owner can ${action}.`;
  throw forbidden(message);
}

/**
 * The goals of `goals` the actor may see (the "view" rule), for lists filtered row by row: `mine` says whether the
 * actor has a target in the goal. One tree query per distinct root at most (none for a member or the owner).
 */
export async function filterVisibleGoals<G extends { rootMembershipId: string; status: string; mine: boolean }>(
  db: DbClient,
  actor: ActorMembership,
  goals: G[],
): Promise<Array<G & { manages: boolean }>> {
  const managed = new Map<string, boolean>();
  const out: Array<G & { manages: boolean }> = [];
  for (const g of goals) {
    let manages = managed.get(g.rootMembershipId);
    if (manages === undefined) {
      manages = await canPlanFor(db, actor, g.rootMembershipId);
      managed.set(g.rootMembershipId, manages);
    }
    if (manages || (g.mine && g.status === "PUBLISHED")) out.push({ ...g, manages });
  }
  return out;
}
