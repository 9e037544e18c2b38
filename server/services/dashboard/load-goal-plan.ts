/**
 * Loads a published goal of a team with its metric and phases it (server/domain/phasing.ts) with the team's
 * calendar. One query. Shared by the dashboard, review and CSV export reads.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { phasePlan, type CheckpointInput, type Curve, type PhasedPlan } from "@/server/domain/phasing";
import { notFound } from "@/server/errors";
import { goalPlanFields } from "@/server/services/plan/goal-plan-fields";

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

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const dbDay = (iso: string) => new Date(iso + "T00:00:00.000Z");

function curveOf(goal: GoalForPlan): Curve {
  const strength = Math.min(1, Math.max(0, (goal.curveStrength ?? 50) / 100));
  switch (goal.curve) {
    case "FRONT_LOADED":
      return { kind: "front-loaded", strength };
    case "BACK_LOADED":
      return { kind: "back-loaded", strength };
    case "CUSTOM":
      return { kind: "custom", checkpoints: Array.isArray(goal.checkpoints) ? (goal.checkpoints as unknown as CheckpointInput[]) : [] };
    default:
      return { kind: "linear" };
  }
}

export function phaseGoal(goal: GoalForPlan, team: TeamCalendar): PhasedPlan {
  return phasePlan({
    start: isoDay(goal.startDate),
    deadline: isoDay(goal.deadline),
    target: goal.target,
    baseline: goal.baseline,
    period: goal.period === "DAY" ? "day" : goal.period === "MONTH" ? "month" : "week",
    weekStartsOn: team.weekStartsOn,
    workingDays: team.workingDays,
    curve: curveOf(goal),
  });
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
