/**
 * The behind-pace alerts of one tick (the hourly job `alerts.behind-pace`): for every team with someone in their
 * morning window now, the goal alerts follow is rolled up ONCE for the whole goal (`getRollup`, period "week" — the
 * dashboard's read, so an alert's numbers are the dashboard's at that moment) and, when someone is behind, once more
 * as seen at the end of last week (the second-week rule); the pure rules of server/domain/behind-pace-alerts.ts
 * decide who is told what, and `notifyMany` makes them in one statement (a key made before is skipped, so running
 * the tick twice changes nothing).
 *
 * Which goal: the team's main goal (server/services/goal/main-goal.ts) while it runs; without one, the running
 * team-wide goal (rooted at the team's root) with the nearest deadline. One goal a team, so one alert a day a person.
 */
import type { DbClient } from "@/server/db-client";
import { behindPaceAlerts, inAlertWindow, type AlertRow } from "@/server/domain/behind-pace-alerts";
import { addDays, startOfPeriod, type IsoDate } from "@/server/domain/calendar";
import { toDbDay } from "@/server/domain/db-day";
import { teamToday } from "@/server/clock";
import { notifyMany } from "@/server/services/notification/notify";
import { getRollup } from "@/server/services/progress/get-rollup";
import { loadGoalPlan } from "@/server/services/progress/load-goal-plan";
import { loadTeamScope, type TeamScope } from "@/server/services/team/scope";
import { loadAlertMembers, teamsWithLocalHour, type AlertTeam } from "./team-calendar";

/** The goal behind-pace alerts follow in a team on its `today`, or null. One query. */
export async function alertGoalId(db: DbClient, teamId: string, today: IsoDate): Promise<string | null> {
  const day = toDbDay(today);
  const goal = await db.goal.findFirst({
    where: {
      teamId,
      status: "PUBLISHED",
      startDate: { lte: day },
      deadline: { gte: day },
      OR: [{ mainSince: { not: null } }, { root: { parentId: null, status: "ACTIVE" } }],
    },
    orderBy: [{ mainSince: { sort: "desc", nulls: "last" } }, { deadline: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return goal?.id ?? null;
}

export interface AlertRun {
  teams: number;
  made: number;
}

export async function sendBehindPaceAlerts(db: DbClient): Promise<AlertRun> {
  const teams = await teamsWithLocalHour(db, inAlertWindow);
  let made = 0;
  let done = 0;
  const failed: unknown[] = [];
  for (const team of teams) {
    // One team's failure never holds back the others' alerts; the run then fails, and its retry skips what was made.
    try {
      made += await teamBehindPaceAlerts(db, team);
      done++;
    } catch (error) {
      failed.push(error);
    }
  }
  if (failed.length > 0) throw new AggregateError(failed, `Behind-pace alerts failed for ${failed.length} team(s).`);
  return { teams: done, made };
}

async function teamBehindPaceAlerts(db: DbClient, team: AlertTeam): Promise<number> {
  const today = teamToday(team);
  const goalId = await alertGoalId(db, team.id, today);
  if (!goalId) return 0;
  const members = await loadAlertMembers(db, team);
  if (!members.some((m) => inAlertWindow(m.localHour) && !m.restDay)) return 0;
  const root = members.find((m) => m.parentId === null);
  if (!root) return 0;
  const scope: TeamScope = await loadTeamScope(db, { teamId: team.id, userId: root.userId });
  const goal = await loadGoalPlan(db, scope, { goalId });
  const rollup = await getRollup(db, scope, { goal, rootId: goal.goal.rootMembershipId, period: "week" });
  const thisWeek = new Map<string, AlertRow>(rollup.rows.map((r) => [r.id, r]));

  // The second-week rule: the roll-up as seen at the end of last week, read only when someone's team is behind now.
  const behindLastWeek = new Set<string>();
  if (rollup.rows.some((r) => r.teamStatus === "behind")) {
    const lastWeekEnd = addDays(startOfPeriod(scope.today, "week", team.weekStartsOn), -1);
    if (lastWeekEnd >= rollup.goal.start) {
      const last = await getRollup(db, scope, {
        goal,
        rootId: goal.goal.rootMembershipId,
        period: "week",
        viewDay: lastWeekEnd,
      });
      for (const r of last.rows) if (r.teamStatus === "behind") behindLastWeek.add(r.id);
    }
  }

  const alerts = behindPaceAlerts({
    team,
    goal: { id: goal.goal.id, name: goal.goal.name, metric: rollup.goal.metric },
    members,
    thisWeek,
    behindLastWeek,
  });
  return notifyMany(db, alerts);
}
