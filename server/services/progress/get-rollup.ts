/**
 * The roll-up of a goal for a period and a subtree: every member's own and team actuals vs targets with pace, plus
 * goal-to-date forecast and catch-up. The dashboard's `rollup` and the weekly review (start-review.ts, the CSV
 * export and the leaderboard) read it here, so they agree for the same goal, period and subtree.
 *
 * Constant number of queries whatever the tree size: ONE for the subtree joined with the goal's split (read once) and DailyTotal
 * aggregated per membership (server/queries/rollup.ts), and beside it ONE for the goal's re-plans ("re-plan the rest":
 * those few members follow their own plan instead of their share, replanned-plans.ts, the same read as My plan's);
 * the goal and the subtree root's visibility are checked by
 * the procedure (server/api/policy/dashboard.ts), which passes the goal already phased. The rest is the pure, linear
 * `rollUpGoal` (server/domain/rollup.ts).
 *
 * Expected (own, team, goal to date) counts the plan up to `lastDueDay`: today's part is not due until today is
 * over, so the Monday-morning "this week" expects nothing yet, while actuals include what is logged today. Goal to
 * date, every row's status, forecast, catch-up (per week and per open day, to finish on target) and note come from
 * the one pace model (`paceModel`, server/domain/pace.ts) on the days of `goalPaceDays`.
 */
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { goalPaceDays, lastDueDay, resolvePeriod, type DashboardPeriod } from "@/server/domain/dashboard-math";
import { toIsoDay } from "@/server/domain/db-day";
import type { MetricUnit } from "@/server/domain/money";
import { cumulativeOn } from "@/server/domain/phasing";
import { rollUpGoal, type DashboardRow } from "@/server/domain/rollup";
import { isTeamRoot } from "@/server/domain/tree";
import { readRollupRows } from "@/server/queries/rollup";
import type { TeamScope } from "@/server/services/team/scope";
import type { GoalPlan } from "./load-goal-plan";
import { cumulativePlans, loadReplannedPlans } from "./replanned-plans";

export type { DashboardRow } from "@/server/domain/rollup";

export interface RollupResult {
  goal: {
    id: string;
    name: string;
    metric: { id: string; key: string; name: string; unit: MetricUnit };
    target: number;
    baseline: number;
    start: IsoDate;
    deadline: IsoDate;
  };
  period: { kind: DashboardPeriod; from: IsoDate; to: IsoDate; asOf: IsoDate };
  goalAsOf: IsoDate;
  /** The last day whose plan counts as expected: min(goalAsOf, yesterday). */
  dueThrough: IsoDate;
  /** Working days not yet due up to the deadline (today included while it is under way): the catch-up's days. */
  remainingWorkingDays: number;
  rootId: string;
  rows: DashboardRow[];
}

export interface RollupInput {
  /** The goal, phased (`loadGoalPlan`). */
  goal: GoalPlan;
  period: DashboardPeriod;
  /** The subtree's root, already checked visible to the actor (`resolveViewRoot`). */
  rootId: string;
  /** The day to view (defaults to the team's today, `scope.today`); a past day is seen as of its end. */
  viewDay?: IsoDate;
}

export async function getRollup(db: DbClient, scope: TeamScope, input: RollupInput): Promise<RollupResult> {
  const { goal, plan } = input.goal;
  const { actor, team } = scope;
  const rootId = input.rootId;
  const start = toIsoDay(goal.startDate);
  const deadline = toIsoDay(goal.deadline);
  const currentDay = scope.today;
  const today = input.viewDay ?? currentDay;

  const period = resolvePeriod({ period: input.period, today, start, deadline, weekStartsOn: team.weekStartsOn });
  const goalAsOf = resolvePeriod({ period: "goal", today, start, deadline, weekStartsOn: team.weekStartsOn }).asOf;
  // Working days are the goal's open days: the team's working weekdays minus the holidays it is phased with.
  const days = goalPaceDays({
    start,
    deadline,
    asOf: goalAsOf,
    currentDay,
    workingDays: team.workingDays,
    closedDays: plan.closedDays,
  });
  const { dueThrough } = days;

  // The team's root (no upline) is read as the whole team, whoever reads it: the owner, or a leader's first view
  // refreshing the goal root's kept roll-up (get-branch-view.ts).
  const wholeTeam =
    rootId === actor.id
      ? isTeamRoot({ parentId: actor.parentId, status: "ACTIVE" }) // the caller's scope is an active membership
      : rootId === goal.rootMembershipId && (await readIsTeamRoot(db, rootId));
  const [sqlRows, replans] = await Promise.all([
    readRollupRows(db, {
      teamId: team.id,
      rootId,
      wholeTeam,
      goalId: goal.id,
      metricId: goal.metric.id,
      start,
      goalAsOf,
      deadline,
      period,
      windowFrom: days.windowFrom,
    }),
    // The goal's few re-planned members (one query beside the roll-up's): their own plan replaces their share.
    loadReplannedPlans(db, { teamId: team.id, goal: { id: goal.id, metricId: goal.metric.id }, plan }),
  ]);

  return {
    goal: {
      id: goal.id,
      name: goal.name,
      metric: { id: goal.metric.id, key: goal.metric.key, name: goal.metric.name, unit: goal.metric.unit },
      target: goal.target,
      baseline: goal.baseline,
      start,
      deadline,
    },
    period: { kind: input.period, ...period },
    goalAsOf,
    dueThrough,
    remainingWorkingDays: days.remainingOpenDays,
    rootId,
    rows: rollUpGoal(sqlRows, {
      total: plan.target - plan.baseline,
      progress: (day: IsoDate) => cumulativeOn(plan, day) - plan.baseline,
      period,
      periodDue: lastDueDay(period.asOf, currentDay),
      goalDue: dueThrough,
      days,
      replanned: cumulativePlans(replans),
    }),
  };
}

/** Whether `membershipId` is the team's root (`isTeamRoot`, server/domain/tree.ts). */
async function readIsTeamRoot(db: DbClient, membershipId: string): Promise<boolean> {
  const row = await db.membership.findUnique({ where: { id: membershipId }, select: { parentId: true, status: true } });
  return row !== null && isTeamRoot(row);
}
