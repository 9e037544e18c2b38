/** The team's published goals, newest first, for the dashboard's goal selector. One query. */
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { toIsoDay } from "@/server/domain/db-day";
import { goalPlanFields } from "@/server/services/goal/goal-plan-fields";
import type { TeamScope } from "@/server/services/team/scope";

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
  const goals = await db.goal.findMany({
    where: { teamId: scope.team.id, status: "PUBLISHED" },
    orderBy: [{ deadline: "asc" }, { createdAt: "desc" }],
    select: dashboardGoalSelect,
    take: 50,
  });
  return goals.map((g) => ({
    ...g,
    startDate: toIsoDay(g.startDate),
    deadline: toIsoDay(g.deadline),
  }));
}
