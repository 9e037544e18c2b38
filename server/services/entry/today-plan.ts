/**
 * The ONE adapter between the Log and the member's plan: how many of each action the member planned for a
 * day, and the personal targets that milestones are measured against.
 *
 * Until the plan service (`server/services/plan/get-member-plan.ts`) is merged, "planned" comes from nothing
 * (0 = no plan for that action) and goals from the published MemberTarget rows. Switch the body to
 * `getMemberPlan(db, { teamId, membershipId, asOf })` when it lands; callers only see `TodayPlan`.
 */
import { Prisma } from "@/generated/prisma/client";
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
  // One query (a relation filter and select would take two round trips on the logging path).
  const targets = await db.$queryRaw<{ personal: number; goalId: string; metricId: string; name: string; startDate: Date }[]>(Prisma.sql`
    SELECT mt.personal, g.id AS "goalId", g."metricId", g.name, g."startDate"
      FROM "MemberTarget" mt
      JOIN "Goal" g ON g.id = mt."goalId"
     WHERE mt."teamId" = ${args.teamId} AND mt."membershipId" = ${args.membershipId}
       AND g.status = 'PUBLISHED' AND g."startDate" <= ${args.asOf}::date
     ORDER BY g."createdAt", g.id`);
  return {
    actions: [],
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
