/**
 * The dashboard's charts for a goal, a period and a visible subtree: cumulative plan vs actual since the start
 * (with checkpoints), the activity funnel (planned vs done at each step over the same days: the period so far) and a heat strip of daily
 * completion per branch (the subtree root's own work and each direct member's whole team).
 * Constant number of queries: the goal, the visibility check, and three aggregate queries over one recursive CTE each.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { addDays, daysInRange, type IsoDate } from "@/server/domain/calendar";
import { resolvePeriod, shareOfProgress, type DashboardPeriod } from "@/server/domain/dashboard-math";
import { cumulativeOn } from "@/server/domain/phasing";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { loadGoalPlan, type TeamCalendar } from "./load-goal-plan";
import { resolveDashboardRoot } from "./resolve-dashboard-root";
import * as clock from "@/server/clock";
import { toIsoDay } from "@/server/domain/db-day";

const subtreeWithBranch = (teamId: string, rootId: string) => Prisma.sql`
  WITH RECURSIVE down AS (
    SELECT id, id AS branch, 0 AS depth
      FROM "Membership"
     WHERE id = ${rootId} AND "teamId" = ${teamId} AND status = 'ACTIVE'
    UNION ALL
    SELECT m.id, CASE WHEN down.depth = 0 THEN m.id ELSE down.branch END, down.depth + 1
      FROM "Membership" m
      JOIN down ON m."parentId" = down.id
     WHERE m."teamId" = ${teamId} AND m.status = 'ACTIVE' AND down.depth < 10000
  )`;

export async function getDashboardCharts(
  db: DbClient,
  args: { actor: ActorMembership; team: TeamCalendar; goalId: string; period: DashboardPeriod; rootId?: string; today?: IsoDate },
) {
  const { goal, plan } = await loadGoalPlan(db, { team: args.team, goalId: args.goalId });
  const rootId = await resolveDashboardRoot(db, args.actor, args.rootId);
  const start = toIsoDay(goal.startDate);
  const deadline = toIsoDay(goal.deadline);
  const today = args.today ?? clock.todayIn(args.team.timeZone);
  const period = resolvePeriod({ period: args.period, today, start, deadline, weekStartsOn: args.team.weekStartsOn });
  const goalAsOf = resolvePeriod({ period: "goal", today, start, deadline, weekStartsOn: args.team.weekStartsOn }).asOf;
  const cte = subtreeWithBranch(args.team.id, rootId);

  const [daily, branches, funnel] = await Promise.all([
    db.$queryRaw<{ branch: string; day: string; total: number }[]>(Prisma.sql`${cte}
      SELECT d.branch, to_char(dt.day, 'YYYY-MM-DD') AS day, SUM(dt.total)::float8 AS total
        FROM down d JOIN "DailyTotal" dt ON dt."membershipId" = d.id
       WHERE dt."metricId" = ${goal.metric.id} AND dt.day >= ${start}::date AND dt.day <= ${goalAsOf}::date
       GROUP BY d.branch, dt.day`),
    db.$queryRaw<{ branch: string; name: string; share: number; members: number }[]>(Prisma.sql`${cte},
      b AS (
        SELECT d.branch, COALESCE(SUM(mt.personal), 0)::float8 AS share, COUNT(*)::int AS members
          FROM down d LEFT JOIN "MemberTarget" mt ON mt."goalId" = ${goal.id} AND mt."membershipId" = d.id
         GROUP BY d.branch
      )
      SELECT b.branch, u.name, b.share, b.members
        FROM b JOIN "Membership" m ON m.id = b.branch JOIN "User" u ON u.id = m."userId"
       ORDER BY (b.branch = ${rootId}) DESC, u.name`),
    db.$queryRaw<{ key: string; name: string; position: number; fromCount: number; toCount: number; done: number }[]>(Prisma.sql`${cte},
      done AS (
        SELECT dt."metricId", SUM(dt.total)::float8 AS total
          FROM down d JOIN "DailyTotal" dt ON dt."membershipId" = d.id
         WHERE dt.day >= ${period.from}::date AND dt.day <= ${period.asOf}::date
         GROUP BY dt."metricId"
      )
      SELECT am.key, am.name, fs.position, fs."fromCount", fs."toCount", COALESCE(done.total, 0)::float8 AS done
        FROM "FunnelStage" fs
        JOIN "Metric" am ON am.id = fs."activityMetricId"
        LEFT JOIN done ON done."metricId" = fs."activityMetricId"
       WHERE fs."resultMetricId" = ${goal.metric.id}
       ORDER BY fs.position`),
  ]);

  const T = plan.target - plan.baseline;
  const P = (d: IsoDate) => cumulativeOn(plan, d) - plan.baseline;
  const subtreeShare = branches.reduce((s, b) => s + b.share, 0);

  // Cumulative plan vs actual for the subtree, day by day from the start to the deadline.
  const perDay = new Map<string, number>();
  for (const r of daily) perDay.set(r.day, (perDay.get(r.day) ?? 0) + r.total);
  let running = 0;
  const cumulative = plan.days.map((d) => {
    running += perDay.get(d.date) ?? 0;
    return { date: d.date, planned: shareOfProgress(subtreeShare, P(d.date), T), actual: d.date <= goalAsOf ? running : null };
  });

  // Heat strip: each branch's daily completion over the period's days.
  const periodDays = daysInRange(period.from, period.to);
  const byBranchDay = new Map(daily.map((r) => [`${r.branch}|${r.day}`, r.total]));
  const heat = branches.map((b) => ({
    id: b.branch,
    name: b.name,
    members: b.members,
    own: b.branch === rootId,
    days: periodDays.map((date) => {
      const expected = shareOfProgress(b.share, P(date), T) - shareOfProgress(b.share, P(addDays(date, -1)), T);
      const actual = byBranchDay.get(`${b.branch}|${date}`) ?? 0;
      return {
        date,
        actual,
        expected,
        future: date > period.asOf,
        // Under way: its percentage so far is shown, but not judged until the day is over.
        today: date === today,
        pct: expected > 0 ? Math.round((actual / expected) * 100) : null,
      };
    }),
  }));

  // Funnel: like with like — the subtree's result planned over the same days as "done" (the period's first day through
  // its as-of day, today included), worked backwards through the stages (ceil at each step). Never the whole
  // period's plan against what is done so far, nor one period's plan against another's done.
  const resultPlanned = shareOfProgress(subtreeShare, P(period.asOf), T) - shareOfProgress(subtreeShare, P(addDays(period.from, -1)), T);
  const resultDone = [...perDay.entries()].filter(([d]) => d >= period.from && d <= period.asOf).reduce((s, [, v]) => s + v, 0);
  const steps: { key: string; name: string; planned: number; done: number }[] = [];
  let next = resultPlanned;
  for (const stage of [...funnel].sort((a, b) => b.position - a.position)) {
    const planned = stage.toCount > 0 ? Math.ceil((next * stage.fromCount) / stage.toCount - 1e-9) : 0;
    steps.unshift({ key: stage.key, name: stage.name, planned, done: stage.done });
    next = planned;
  }
  steps.push({ key: goal.metric.key, name: goal.metric.name, planned: resultPlanned, done: resultDone });

  return {
    rootId,
    period: { kind: args.period, ...period },
    goalAsOf,
    unit: goal.metric.unit,
    checkpoints: plan.checkpoints.map((c) => ({ date: c.date, planned: shareOfProgress(subtreeShare, c.cumulative - plan.baseline, T) })),
    cumulative,
    funnel: steps,
    heat,
  };
}
