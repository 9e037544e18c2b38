/**
 * The leaderboard of the actor's visible subtree for a goal and period: by result (own actual), by activity (own
 * activity actions logged in the period, all activity metrics) or by plan completion (own actual ÷ own expected).
 * Empty when the team switched it off. Constant queries: the team flag, the goal, the roll-up read, one activity
 * aggregate. The goal comes checked and phased by `goalPlanProcedure("view")` (server/api/policy/goal.ts), even while
 * the leaderboard is off: a goal the caller may not see is NOT_FOUND whatever the team's setting.
 */
import type { DbClient } from "@/server/db-client";
import type { DashboardPeriod } from "@/server/domain/dashboard-math";
import { LEFT_ROLE } from "@/server/domain/rollup";
import { activityTotals } from "@/server/queries/dashboard";
import { getRollup } from "@/server/services/progress/get-rollup";
import type { GoalPlan } from "@/server/services/progress/load-goal-plan";
import type { TeamScope } from "@/server/services/team/scope";

export type LeaderboardKind = "result" | "activity" | "completion";

export async function getLeaderboard(
  db: DbClient,
  scope: TeamScope,
  input: { goal: GoalPlan; period: DashboardPeriod; by: LeaderboardKind; limit?: number },
) {
  const team = await db.team.findUniqueOrThrow({ where: { id: scope.team.id }, select: { leaderboardEnabled: true } });
  if (!team.leaderboardEnabled) return { enabled: false as const, by: input.by, rows: [] };
  const rollup = await getRollup(db, scope, { goal: input.goal, period: input.period, rootId: scope.actor.id });
  let activity = new Map<string, number>();
  if (input.by === "activity") {
    const rows = await activityTotals(db, {
      teamId: scope.team.id,
      rootId: rollup.rootId,
      from: rollup.period.from,
      to: rollup.period.asOf,
    });
    activity = new Map(rows.map((r) => [r.id, r.total]));
  }
  // Members who left count in their former upline's totals, not on the leaderboard.
  const scored = rollup.rows
    .filter((r) => r.role !== LEFT_ROLE)
    .map((r) => ({
      id: r.id,
      name: r.name,
      value:
        input.by === "result"
          ? r.ownActual
          : input.by === "activity"
            ? (activity.get(r.id) ?? 0)
            : r.ownExpected > 0
              ? Math.round((r.ownActual / r.ownExpected) * 100)
              : null,
    }));
  const rows = scored
    .filter((r): r is { id: string; name: string; value: number } => r.value !== null)
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
    .slice(0, input.limit ?? 10)
    .map((r, i) => ({ ...r, rank: i + 1 }));
  return {
    enabled: true as const,
    by: input.by,
    unit: input.by === "result" ? rollup.goal.metric.unit : "COUNT",
    rows,
  };
}
