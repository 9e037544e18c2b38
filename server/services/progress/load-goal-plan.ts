/**
 * Loads a published (or archived) goal of the scope's team with its metric and phases it (server/domain/phasing.ts)
 * with the team's calendar and the goal's holidays (server/domain/goal-phasing.ts). One query. Shared by the
 * dashboard, the weekly review and the CSV export; `goalPlanProcedure` (server/api/policy/goal.ts) loads it
 * once per request, after the goal rule of `goalProcedure` said the caller may see it (this function checks no
 * visibility: call it only on a checked goal). Drafts are not on the dashboard: NOT_FOUND.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import { phaseGoal } from "@/server/domain/goal-phasing";
import type { PhasedPlan } from "@/server/domain/phasing";
import { goalPlanFields } from "@/server/services/goal/goal-plan-fields";
import type { TeamScope } from "@/server/services/team/scope";

export const goalPlanSelect = {
  ...goalPlanFields,
  status: true,
  /** Bumped by every change to the goal's targets: the dashboard's kept roll-ups are keyed by it. */
  version: true,
  rootMembershipId: true,
  metric: { select: { id: true, key: true, name: true, unit: true, kind: true } },
} satisfies Prisma.GoalSelect;

export type GoalForPlan = Prisma.GoalGetPayload<{ select: typeof goalPlanSelect }>;

/** A goal with its phased plan. */
export interface GoalPlan {
  goal: GoalForPlan;
  plan: PhasedPlan;
}

export async function loadGoalPlan(
  db: DbClient,
  scope: Pick<TeamScope, "team">,
  input: { goalId: string },
): Promise<GoalPlan> {
  const goal = await db.goal.findFirst({
    where: { id: input.goalId, teamId: scope.team.id, status: { in: ["PUBLISHED", "ARCHIVED"] } },
    select: goalPlanSelect,
  });
  if (!goal) throw notFound("Goal");
  return { goal, plan: phaseGoal(goal, scope.team) };
}
