/**
 * The leaderboard of the actor's visible subtree for a goal and period: by result (own actual), by activity (own
 * activity actions logged in the period, all activity metrics) or by plan completion (own actual ÷ own expected).
 * Empty when the team switched it off. Constant queries: the team flag, the roll-up read, one activity aggregate.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import type { DashboardPeriod } from "@/server/domain/dashboard-math";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { getRollup } from "./get-rollup";
import type { TeamCalendar } from "./load-goal-plan";
import { subtreeCte } from "@/server/services/tree/subtree";

export type LeaderboardKind = "result" | "activity" | "completion";

export async function getLeaderboard(
  db: DbClient,
  args: { actor: ActorMembership; team: TeamCalendar; goalId: string; period: DashboardPeriod; by: LeaderboardKind; limit?: number },
) {
  const team = await db.team.findUniqueOrThrow({ where: { id: args.team.id }, select: { leaderboardEnabled: true } });
  if (!team.leaderboardEnabled) return { enabled: false as const, by: args.by, rows: [] };
  const rollup = await getRollup(db, { actor: args.actor, team: args.team, goalId: args.goalId, period: args.period });
  let activity = new Map<string, number>();
  if (args.by === "activity") {
    const rows = await db.$queryRaw<{ id: string; total: number }[]>(Prisma.sql`${subtreeCte({ teamId: args.team.id, rootId: rollup.rootId })}
      SELECT d.id, SUM(dt.total)::float8 AS total
        FROM down d
        JOIN "DailyTotal" dt ON dt."membershipId" = d.id
        JOIN "Metric" mt ON mt.id = dt."metricId" AND mt.kind = 'ACTIVITY'
       WHERE dt.day >= ${rollup.period.from}::date AND dt.day <= ${rollup.period.asOf}::date
       GROUP BY d.id`);
    activity = new Map(rows.map((r) => [r.id, r.total]));
  }
  const scored = rollup.rows.map((r) => ({
    id: r.id,
    name: r.name,
    value:
      args.by === "result"
        ? r.ownActual
        : args.by === "activity"
          ? (activity.get(r.id) ?? 0)
          : r.ownExpected > 0
            ? Math.round((r.ownActual / r.ownExpected) * 100)
            : null,
  }));
  const rows = scored
    .filter((r): r is { id: string; name: string; value: number } => r.value !== null)
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
    .slice(0, args.limit ?? 10)
    .map((r, i) => ({ ...r, rank: i + 1 }));
  return { enabled: true as const, by: args.by, unit: args.by === "result" ? rollup.goal.metric.unit : "COUNT", rows };
}
