/**
 * Loads a published goal of a team with its metric and phases it (server/domain/phasing.ts) with the team's
 * calendar and the goal's holidays (server/services/goal/goal-phasing.ts). One query. Shared by the dashboard, review
 * and CSV export reads.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import { phaseGoal } from "@/server/domain/goal-phasing";
import { goalPlanFields } from "@/server/services/goal/goal-plan-fields";

export const goalPlanSelect = {
  ...goalPlanFields,
  status: true,
  rootMembershipId: true,
  metric: { select: { id: true, key: true, name: true, unit: true, kind: true } },
} satisfies Prisma.GoalSelect;

export type GoalForPlan = Prisma.GoalGetPayload<{ select: typeof goalPlanSelect }>;

export interface TeamCalendar {
  id: string;
  weekStartsOn: number;
  workingDays: number[];
  timeZone: string;
}


/** A goal the team has published (or archived), phased. Drafts are not on the dashboard. */
export async function loadGoalPlan(db: DbClient, args: { team: TeamCalendar; goalId: string }) {
  const goal = await db.goal.findFirst({
    where: { id: args.goalId, teamId: args.team.id, status: { in: ["PUBLISHED", "ARCHIVED"] } },
    select: goalPlanSelect,
  });
  if (!goal) throw notFound("Goal");
  return { goal, plan: phaseGoal(goal, args.team) };
}
