/**
 * The dashboard roll-up: for a goal, a period and a subtree the actor may see, every member's own and team actuals
 * vs targets with pace, plus goal-to-date forecast and catch-up per week.
 *
 * Constant number of queries whatever the tree size: the goal (1), the visibility check (≤ 1), and ONE recursive
 * CTE that lists the subtree joined with MemberTarget and DailyTotal aggregated per membership. The rest is linear:
 * per-member period targets from the goal's phased plan × member share (`shareOfProgress`), the pure `rollUp` for
 * the period, and one bottom-up pass for goal-to-date sums.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { addDays, countWorkingDays, isoDateInTimeZone, type IsoDate } from "@/server/domain/calendar";
import {
  catchUpPerWeek,
  forecastAtDeadline,
  resolvePeriod,
  runRateWindowStart,
  shareOfProgress,
  type DashboardPeriod,
} from "@/server/domain/dashboard-math";
import { paceStatus, RUN_RATE_WINDOW_WORKING_DAYS, type PaceStatus } from "@/server/domain/pace";
import { cumulativeOn } from "@/server/domain/phasing";
import { rollUp, type StatusCounts } from "@/server/domain/rollup";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { isoDay, loadGoalPlan, type TeamCalendar } from "./load-goal-plan";
import { resolveDashboardRoot } from "./resolve-dashboard-root";

interface SqlRow {
  id: string;
  parentId: string | null;
  depth: number;
  name: string;
  role: string;
  share: number | null;
  teamShare: number | null;
  periodActual: number;
  toDateActual: number;
  windowActual: number;
}

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
  /** Goal to date (progress since the start, baseline excluded). */
  goal: {
    share: number;
    teamShare: number;
    teamActual: number;
    teamExpected: number;
    status: PaceStatus;
    forecast: number | null;
    catchUpPerWeek: number;
  };
}

export interface RollupResult {
  goal: {
    id: string;
    name: string;
    metric: { id: string; key: string; name: string; unit: string };
    target: number;
    baseline: number;
    start: IsoDate;
    deadline: IsoDate;
  };
  period: { kind: DashboardPeriod; from: IsoDate; to: IsoDate; asOf: IsoDate };
  goalAsOf: IsoDate;
  remainingWorkingDays: number;
  rootId: string;
  rows: DashboardRow[];
}

export async function getRollup(
  db: DbClient,
  args: { actor: ActorMembership; team: TeamCalendar; goalId: string; period: DashboardPeriod; rootId?: string; today?: IsoDate },
): Promise<RollupResult> {
  const { goal, plan } = await loadGoalPlan(db, { team: args.team, goalId: args.goalId });
  const rootId = await resolveDashboardRoot(db, args.actor, args.rootId);
  const start = isoDay(goal.startDate);
  const deadline = isoDay(goal.deadline);
  const today = args.today ?? isoDateInTimeZone(Date.now(), args.team.timeZone);

  const period = resolvePeriod({ period: args.period, today, start, deadline, weekStartsOn: args.team.weekStartsOn });
  const goalAsOf = resolvePeriod({ period: "goal", today, start, deadline, weekStartsOn: args.team.weekStartsOn }).asOf;
  const window = runRateWindowStart({ start, asOf: goalAsOf, window: RUN_RATE_WINDOW_WORKING_DAYS, workingDays: args.team.workingDays });
  const remainingWorkingDays = goalAsOf < deadline ? countWorkingDays(addDays(goalAsOf, 1), deadline, args.team.workingDays) : 0;

  const sqlRows = await db.$queryRaw<SqlRow[]>(Prisma.sql`
    WITH RECURSIVE down AS (
      SELECT id, "parentId", 0 AS depth
        FROM "Membership"
       WHERE id = ${rootId} AND "teamId" = ${args.team.id} AND status = 'ACTIVE'
      UNION ALL
      SELECT m.id, m."parentId", down.depth + 1
        FROM "Membership" m
        JOIN down ON m."parentId" = down.id
       WHERE m."teamId" = ${args.team.id} AND m.status = 'ACTIVE' AND down.depth < 10000
    ),
    act AS (
      SELECT dt."membershipId",
             COALESCE(SUM(dt.total) FILTER (WHERE dt.day >= ${period.from}::date AND dt.day <= ${period.asOf}::date), 0)::float8 AS period,
             COALESCE(SUM(dt.total), 0)::float8 AS to_date,
             COALESCE(SUM(dt.total) FILTER (WHERE dt.day >= ${window.from}::date), 0)::float8 AS win
        FROM "DailyTotal" dt
        JOIN down ON down.id = dt."membershipId"
       WHERE dt."metricId" = ${goal.metric.id} AND dt.day >= ${start}::date AND dt.day <= ${goalAsOf}::date
       GROUP BY dt."membershipId"
    )
    SELECT d.id, d."parentId", d.depth::int AS depth, u.name, m.role::text AS role,
           mt.personal AS share, mt.team AS "teamShare",
           COALESCE(a.period, 0)::float8 AS "periodActual", COALESCE(a.to_date, 0)::float8 AS "toDateActual",
           COALESCE(a.win, 0)::float8 AS "windowActual"
      FROM down d
      JOIN "Membership" m ON m.id = d.id
      JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "MemberTarget" mt ON mt."goalId" = ${goal.id} AND mt."membershipId" = d.id
      LEFT JOIN act a ON a."membershipId" = d.id
     ORDER BY d.depth, d.id`);

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
    remainingWorkingDays,
    rootId,
    rows: computeRows(sqlRows, {
      total: plan.target - plan.baseline,
      progress: (day: IsoDate) => cumulativeOn(plan, day) - plan.baseline,
      period,
      goalAsOf,
      windowWorkingDays: window.workingDays,
      remainingWorkingDays,
      workingDaysPerWeek: new Set(args.team.workingDays).size,
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
    goalAsOf: IsoDate;
    windowWorkingDays: number;
    remainingWorkingDays: number;
    workingDaysPerWeek: number;
  },
): DashboardRow[] {
  if (sqlRows.length === 0) return [];
  const pBefore = ctx.progress(addDays(ctx.period.from, -1));
  const pTo = ctx.progress(ctx.period.to);
  const pAsOf = ctx.progress(ctx.period.asOf);
  const pGoal = ctx.progress(ctx.goalAsOf);
  const n = sqlRows.length;
  const index = new Map<string, number>();
  const parentIdx = new Int32Array(n).fill(-1);
  const children = new Int32Array(n);
  const toDate = new Float64Array(n);
  const win = new Float64Array(n);
  const expected = new Float64Array(n);
  const share = new Float64Array(n);

  const nodes = sqlRows.map((r, i) => {
    index.set(r.id, i);
    const s = r.share ?? 0;
    const before = shareOfProgress(s, pBefore, ctx.total);
    toDate[i] = r.toDateActual;
    win[i] = r.windowActual;
    expected[i] = shareOfProgress(s, pGoal, ctx.total);
    share[i] = s;
    return {
      id: r.id,
      // The subtree's root has no parent inside this read.
      parentId: i === 0 ? null : r.parentId,
      ownActual: r.periodActual,
      ownTarget: shareOfProgress(s, pTo, ctx.total) - before,
      ownExpected: shareOfProgress(s, pAsOf, ctx.total) - before,
    };
  });
  for (let i = 1; i < n; i++) {
    const p = index.get(sqlRows[i]!.parentId!)!;
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

  const rolled = rollUp(nodes);
  return rolled.map((r, i) => {
    const src = sqlRows[i]!;
    const teamActual = toDate[i]!;
    const teamExpected = expected[i]!;
    return {
      ...r,
      parentId: src.parentId,
      depth: src.depth,
      name: src.name,
      role: src.role,
      children: children[i]!,
      goal: {
        share: src.share ?? 0,
        teamShare: share[i]!,
        teamActual,
        teamExpected,
        status: paceStatus(teamActual, teamExpected),
        forecast: forecastAtDeadline({
          actualToDate: teamActual,
          windowSum: win[i]!,
          windowWorkingDays: ctx.windowWorkingDays,
          remainingWorkingDays: ctx.remainingWorkingDays,
        }),
        catchUpPerWeek: catchUpPerWeek(teamExpected - teamActual, ctx.remainingWorkingDays, ctx.workingDaysPerWeek),
      },
    };
  });
}
