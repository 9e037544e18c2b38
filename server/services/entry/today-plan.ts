/**
 * The ONE adapter between the Log and the member's plan: how many of each action the member planned for a
 * day (today's actions of the member's plan, as `getMemberPlan` computes them for the Plan page, every published goal merged), and the personal targets that
 * milestones are measured against. Callers only see `TodayPlan`.
 */
import type { DbClient } from "@/server/db-client";
import { compareDates, type IsoDate } from "@/server/domain/calendar";
import { loadLogContext, todayActionsFrom, type LogContext } from "./log-context";

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
  /**
   * The member's closed days the plan skipped (team holidays and their own days off, sorted, from LOG_HISTORY_DAYS
   * back to the last deadline): pass them to `computeStreak` so a holiday never breaks a streak.
   */
  closedDays: IsoDate[];
}

/** Today's plan of a member: one query (the Log context), the actions computed in memory. */
export async function getTodayPlan(
  db: DbClient,
  args: { teamId: string; membershipId: string; asOf: string },
): Promise<TodayPlan> {
  return todayPlanFrom(await loadLogContext(db, args));
}

/** Today's plan from a Log context already loaded (logging loads it once for the plan and the celebrations). */
export function todayPlanFrom(context: LogContext): TodayPlan {
  return {
    actions: plannedActions(context),
    goals: context.targets
      .filter((t) => compareDates(t.startDate, context.asOf) <= 0)
      .sort((a, b) => a.created - b.created)
      .map((t) => ({
        goalId: t.goalId,
        metricId: t.metric.id,
        name: t.name,
        target: t.personal,
        baseline: 0,
        startDate: t.startDate,
      })),
    closedDays: context.closed.closedDays,
  };
}

/**
 * Today's actions of the member's plan. Logging must never fail because a plan cannot be computed (e.g. a goal
 * whose targets are being changed): then the Log shows no plan numbers and says nothing is planned.
 */
function plannedActions(context: LogContext): PlannedAction[] {
  try {
    return todayActionsFrom(context).map((a) => ({ metricId: a.metricId, planned: a.planned }));
  } catch (error) {
    console.error("[log] today's plan could not be computed", error);
    return [];
  }
}
