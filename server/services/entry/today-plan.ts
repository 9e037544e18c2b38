/**
 * The ONE adapter between the Log and the member's plan: how many of each action the member planned for a
 * day (today's actions of the member's plan, `getTodayActions`, every published goal merged), and the personal targets that
 * milestones are measured against. Callers only see `TodayPlan`.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { getTodayActions } from "@/server/services/plan/get-today-actions";

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
  // The targets in one query (a relation filter and select would take two round trips on the logging path).
  const [targets, actions] = await Promise.all([
    db.$queryRaw<{ personal: number; goalId: string; metricId: string; name: string; startDate: Date }[]>(Prisma.sql`
      SELECT mt.personal, g.id AS "goalId", g."metricId", g.name, g."startDate"
        FROM "MemberTarget" mt
        JOIN "Goal" g ON g.id = mt."goalId"
       WHERE g."teamId" = ${args.teamId} AND mt."membershipId" = ${args.membershipId}
         AND g.status = 'PUBLISHED' AND g."startDate" <= ${args.asOf}::date
       ORDER BY g."createdAt", g.id`),
    plannedActions(db, args),
  ]);
  return {
    actions,
    goals: targets.map((t) => ({
      goalId: t.goalId,
      metricId: t.metricId,
      name: t.name,
      target: t.personal,
      baseline: 0,
      startDate: t.startDate.toISOString().slice(0, 10),
    })),
  };
}

/**
 * Today's actions of the member's plan. Logging must never fail because a plan cannot be computed (e.g. a goal
 * whose targets are being changed): then the Log shows no plan numbers and says nothing is planned.
 */
async function plannedActions(db: DbClient, args: { teamId: string; membershipId: string; asOf: string }): Promise<PlannedAction[]> {
  try {
    const actions = await getTodayActions(db, args);
    return actions.map((a) => ({ metricId: a.metricId, planned: a.planned }));
  } catch (error) {
    console.error("[log] today's plan could not be computed", error);
    return [];
  }
}
