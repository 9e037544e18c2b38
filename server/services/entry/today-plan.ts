/**
 * The ONE adapter between the Log and the member's plan: how many of each action the member planned for a
 * day, and the personal targets that milestones are measured against.
 *
 * Until the plan service (`server/services/plan/get-member-plan.ts`) is merged, "planned" comes from nothing
 * (0 = no plan for that action) and goals from the published MemberTarget rows. Switch the body to
 * `getMemberPlan(db, { teamId, membershipId, asOf })` when it lands; callers only see `TodayPlan`.
 */
import type { DbClient } from "@/server/db-client";

export interface PlannedAction {
  metricId: string;
  planned: number;
}

export interface PlanGoal {
  goalId: string;
  metricId: string;
  name: string;
  /** The member's personal target for the goal (baseline included). */
  target: number;
  baseline: number;
  /** YYYY-MM-DD: entries from this day on count towards the goal. */
  startDate: string;
}

export interface TodayPlan {
  actions: PlannedAction[];
  goals: PlanGoal[];
}

export async function getTodayPlan(
  db: DbClient,
  args: { teamId: string; membershipId: string; asOf: string },
): Promise<TodayPlan> {
  const targets = await db.memberTarget.findMany({
    where: {
      teamId: args.teamId,
      membershipId: args.membershipId,
      goal: { status: "PUBLISHED", startDate: { lte: new Date(`${args.asOf}T00:00:00.000Z`) } },
    },
    select: { personal: true, goal: { select: { id: true, metricId: true, name: true, startDate: true } } },
  });
  return {
    actions: [],
    goals: targets.map((t) => ({
      goalId: t.goal.id,
      metricId: t.goal.metricId,
      name: t.goal.name,
      target: t.personal,
      baseline: 0,
      startDate: t.goal.startDate.toISOString().slice(0, 10),
    })),
  };
}
