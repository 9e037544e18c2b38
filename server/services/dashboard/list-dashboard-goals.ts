/**
 * The published goals the caller may see (goal.get's rule, `filterVisibleGoals` of goal-access.ts: they manage it or
 * have a target in it) for the dashboard's goal selector (and the weekly review's), the one it opens first on top:
 * the team's main goal (main-goal.ts: the published goal made main most recently), then the goals set for the whole
 * team, then the rest — each group by deadline. A branch's or a rank plan's goal never hides the team's. One query,
 * and one tree check per distinct goal root for a leader.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { toIsoDay } from "@/server/domain/db-day";
import { filterVisibleGoals } from "@/server/services/goal/goal-access";
import { goalPlanFields } from "@/server/services/goal/goal-plan-fields";
import type { TeamScope } from "@/server/services/team/scope";
import { goalsTargeting } from "@/server/queries/goal-split";

// The selector needs the plan's name, amounts and dates only (not its curve or holidays).
const { id, name, target, baseline, startDate, deadline } = goalPlanFields;

const dashboardGoalSelect = {
  id,
  name,
  target,
  baseline,
  startDate,
  deadline,
  rootMembershipId: true,
  metric: { select: { key: true, name: true, unit: true } },
} satisfies Prisma.GoalSelect;

export async function listDashboardGoals(db: DbClient, scope: TeamScope) {
  const { actor } = scope;
  const goals = await db.goal.findMany({
    where: { teamId: scope.team.id, status: "PUBLISHED" },
    orderBy: [{ deadline: "asc" }, { createdAt: "desc" }],
    select: {
      ...dashboardGoalSelect,
      status: true,
      mainSince: true,
      root: { select: { parentId: true } },
    },
    take: 200,
  });
  const mineIn = await goalsTargeting(db, { membershipId: actor.id, goalIds: goals.map((g) => g.id) });
  const visible = await filterVisibleGoals(
    db,
    actor,
    goals.map((g) => ({ ...g, mine: mineIn.has(g.id) })),
  );
  // The main goal: the same rule as main-goal.ts `mainGoalId` (latest `mainSince` among published goals).
  const main = goals
    .filter((g) => g.mainSince !== null)
    .sort((a, b) => b.mainSince!.getTime() - a.mainSince!.getTime() || a.id.localeCompare(b.id))[0]?.id;
  const rank = (g: (typeof visible)[number]) => (g.id === main ? 0 : g.root.parentId === null ? 1 : 2);
  // A stable sort keeps the query's deadline order inside each group.
  visible.sort((a, b) => rank(a) - rank(b));
  return visible.slice(0, 50).map((g) => ({
    id: g.id,
    name: g.name,
    target: g.target,
    baseline: g.baseline,
    startDate: toIsoDay(g.startDate),
    deadline: toIsoDay(g.deadline),
    rootMembershipId: g.rootMembershipId,
    metric: g.metric,
    main: g.id === main,
  }));
}
