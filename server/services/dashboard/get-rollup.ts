/**
 * The dashboard roll-up: for a goal, a period and a subtree the actor may see, every member's own and team actuals
 * vs targets with pace, plus goal-to-date forecast and catch-up per week.
 *
 * Constant number of queries whatever the tree size: the goal (1), the visibility check (≤ 1), and ONE query for
 * the subtree joined with MemberTarget and DailyTotal aggregated per membership (read-rollup-rows.ts). The rest is linear:
 * per-member period targets from the goal's phased plan × member share (`shareOfProgress`), the pure `rollUpOrdered` (given the parent positions) for
 * the period, and one bottom-up pass for goal-to-date sums.
 *
 * Expected (own, team, goal to date) counts the plan up to `lastDueDay`: today's part is not due until today is
 * over, so the Monday-morning "this week" expects nothing yet, while actuals include what is logged today. Goal to
 * date, every row's status, forecast, catch-up (per week and per open day, to finish on target) and note come from
 * the one pace model (`paceModel`, server/domain/pace.ts) on the days of `goalPaceDays`.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import { goalPaceDays, lastDueDay, resolvePeriod, shareOfProgress, type DashboardPeriod } from "@/server/domain/dashboard-math";
import type { MetricUnit } from "@/server/domain/money";
import { paceModel, type PaceNote, type PaceStatus } from "@/server/domain/pace";
import { cumulativeOn } from "@/server/domain/phasing";
import { rollUpOrdered, type StatusCounts } from "@/server/domain/rollup";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { loadGoalPlan, type TeamCalendar } from "./load-goal-plan";
import { readRollupRows, type RollupSqlRow } from "./read-rollup-rows";
import { resolveDashboardRoot } from "./resolve-dashboard-root";
import * as clock from "@/server/clock";
import { toIsoDay } from "@/server/domain/db-day";

type SqlRow = RollupSqlRow;

export interface DashboardRow {
  id: string;
  parentId: string | null;
  depth: number;
  name: string;
  role: string;
  /** Number of direct members below (in this subtree). */
  children: number;
  ownActual: number;
  ownTarget: number;
  ownExpected: number;
  ownStatus: PaceStatus;
  teamActual: number;
  teamTarget: number;
  teamExpected: number;
  teamStatus: PaceStatus;
  below: StatusCounts;
  /** Goal to date (progress since the start, baseline excluded), from the pace model (`paceModel`). */
  goal: {
    share: number;
    teamShare: number;
    teamActual: number;
    teamExpected: number;
    status: PaceStatus;
    forecast: number | null;
    /** What each remaining week / open day must bring to finish on target; 0 when none is needed. */
    catchUpPerWeek: number;
    catchUpPerDay: number;
    note: PaceNote;
  };
}

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

export async function getRollup(
  db: DbClient,
  args: {
    actor: ActorMembership;
    team: TeamCalendar;
    goalId: string;
    period: DashboardPeriod;
    rootId?: string;
    /** The day to view (defaults to the current day); a past day is seen as of its end. */
    today?: IsoDate;
    /** The team's current day (defaults to the clock); only tests set it. */
    currentDay?: IsoDate;
  },
): Promise<RollupResult> {
  const { goal, plan } = await loadGoalPlan(db, { team: args.team, goalId: args.goalId });
  const rootId = await resolveDashboardRoot(db, args.actor, args.rootId);
  const start = toIsoDay(goal.startDate);
  const deadline = toIsoDay(goal.deadline);
  const currentDay = args.currentDay ?? clock.todayIn(args.team.timeZone);
  const today = args.today ?? currentDay;

  const period = resolvePeriod({ period: args.period, today, start, deadline, weekStartsOn: args.team.weekStartsOn });
  const goalAsOf = resolvePeriod({ period: "goal", today, start, deadline, weekStartsOn: args.team.weekStartsOn }).asOf;
  // Working days are the goal's open days: the team's working weekdays minus the holidays it is phased with.
  const days = goalPaceDays({ start, deadline, asOf: goalAsOf, currentDay, workingDays: args.team.workingDays, closedDays: plan.closedDays });
  const { dueThrough } = days;

  const sqlRows = await readRollupRows(db, {
    teamId: args.team.id,
    rootId,
    wholeTeam: rootId === args.actor.id && args.actor.parentId === null,
    goalId: goal.id,
    metricId: goal.metric.id,
    start,
    goalAsOf,
    deadline,
    period,
    windowFrom: days.windowFrom,
  });

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
    period: { kind: args.period, ...period },
    goalAsOf,
    dueThrough,
    remainingWorkingDays: days.remainingOpenDays,
    rootId,
    rows: computeRows(sqlRows, {
      total: plan.target - plan.baseline,
      progress: (day: IsoDate) => cumulativeOn(plan, day) - plan.baseline,
      period,
      periodDue: lastDueDay(period.asOf, currentDay),
      goalDue: dueThrough,
      days,
    }),
  };
}

/** Pure and linear: targets from shares, the period roll-up, and the goal-to-date sums bottom-up. */
function computeRows(
  sqlRows: SqlRow[],
  ctx: {
    total: number;
    progress: (day: IsoDate) => number;
    period: { from: IsoDate; to: IsoDate; asOf: IsoDate };
    /** The last day of the period, and of the goal so far, whose plan is due (see `lastDueDay`). */
    periodDue: IsoDate;
    goalDue: IsoDate;
    /** The pace model's days (run-rate window, forecast days, catch-up days). */
    days: { windowOpenDays: number; forecastOpenDays: number; remainingOpenDays: number; openDaysPerWeek: number };
  },
): DashboardRow[] {
  if (sqlRows.length === 0) return [];
  const pBefore = ctx.progress(addDays(ctx.period.from, -1));
  const pTo = ctx.progress(ctx.period.to);
  // Never below the period's start: before it nothing is due.
  const pDue = Math.max(pBefore, ctx.progress(ctx.periodDue));
  const pGoal = ctx.progress(ctx.goalDue);
  const n = sqlRows.length;
  const index = new Map<string, number>();
  const parentIdx = new Int32Array(n).fill(-1);
  const children = new Int32Array(n);
  const toDate = new Float64Array(n);
  const win = new Float64Array(n);
  const expected = new Float64Array(n);
  const share = new Float64Array(n);

  const nodes = sqlRows.map((r, i) => {
    if (r.parentIndex === undefined) index.set(r.id, i);
    const s = r.share ?? 0;
    const before = shareOfProgress(s, pBefore, ctx.total);
    toDate[i] = r.toDateActual;
    win[i] = r.windowActual;
    expected[i] = shareOfProgress(s, pGoal, ctx.total);
    share[i] = s;
    return {
      id: r.id,
      parentId: r.parentId,
      ownActual: r.periodActual,
      ownTarget: shareOfProgress(s, pTo, ctx.total) - before,
      ownExpected: shareOfProgress(s, pDue, ctx.total) - before,
    };
  });
  for (let i = 1; i < n; i++) {
    const p = sqlRows[i]!.parentIndex ?? index.get(sqlRows[i]!.parentId!)!;
    parentIdx[i] = p;
    children[p]! += 1;
  }
  // Rows come by depth, so walking backwards visits every child before its parent.
  for (let i = n - 1; i > 0; i--) {
    const p = parentIdx[i]!;
    toDate[p]! += toDate[i]!;
    win[p]! += win[i]!;
    expected[p]! += expected[i]!;
    share[p]! += share[i]!;
  }

  const rolled = rollUpOrdered(nodes, parentIdx);
  return rolled.map((r, i) => {
    const src = sqlRows[i]!;
    const teamActual = toDate[i]!;
    const teamExpected = expected[i]!;
    const pace = paceModel({
      actual: teamActual,
      expected: teamExpected,
      target: share[i]!,
      window: { sum: win[i]!, openDays: ctx.days.windowOpenDays },
      forecastOpenDays: ctx.days.forecastOpenDays,
      remainingOpenDays: ctx.days.remainingOpenDays,
      openDaysPerWeek: ctx.days.openDaysPerWeek,
    });
    // Fields listed (no object spread): this runs once per member, 100,000 times for a big team.
    return {
      id: r.id,
      parentId: src.parentId,
      depth: src.depth,
      name: src.name,
      role: src.role,
      children: children[i]!,
      ownActual: r.ownActual,
      ownTarget: r.ownTarget,
      ownExpected: r.ownExpected,
      ownStatus: r.ownStatus,
      teamActual: r.teamActual,
      teamTarget: r.teamTarget,
      teamExpected: r.teamExpected,
      teamStatus: r.teamStatus,
      below: r.below,
      goal: {
        share: src.share ?? 0,
        teamShare: share[i]!,
        teamActual,
        teamExpected,
        status: pace.status,
        forecast: pace.forecast,
        catchUpPerWeek: pace.catchUp.perWeek,
        catchUpPerDay: pace.catchUp.perDay,
        note: pace.note,
      },
    };
  });
}
