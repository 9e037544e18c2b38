/** The team's published goals, newest first, for the dashboard's goal selector. One query. */
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { toIsoDay } from "@/server/domain/db-day";

const dashboardGoalSelect = {
  id: true,
  name: true,
  target: true,
  baseline: true,
  startDate: true,
  deadline: true,
  rootMembershipId: true,
  metric: { select: { key: true, name: true, unit: true } },
} satisfies Prisma.GoalSelect;

export async function listDashboardGoals(db: DbClient, args: { teamId: string }) {
  const goals = await db.goal.findMany({
    where: { teamId: args.teamId, status: "PUBLISHED" },
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
