/**
 * The dashboard's charts for a goal, a period and a visible subtree: cumulative plan vs actual since the start
 * (with checkpoints), the activity funnel (planned vs done at each step over the same days: the period so far) and a heat strip of daily
 * completion per branch (the subtree root's own work and each direct member's whole team).
 * Three aggregate queries over one recursive CTE each (server/queries/dashboard.ts); the goal and the subtree root
 * come checked from the procedure (server/api/policy/dashboard.ts).
 */
import type { DbClient } from "@/server/db-client";
import { addDays, daysInRange, type IsoDate } from "@/server/domain/calendar";
import { resolvePeriod, shareOfProgress, type DashboardPeriod } from "@/server/domain/dashboard-math";
import { toIsoDay } from "@/server/domain/db-day";
import { cumulativeOn } from "@/server/domain/phasing";
import { branchDailyTotals, funnelDone, goalBranches } from "@/server/queries/dashboard";
import type { GoalPlan } from "@/server/services/progress/load-goal-plan";
import type { TeamScope } from "@/server/services/team/scope";

export async function getDashboardCharts(
  db: DbClient,
  scope: TeamScope,
  input: { goal: GoalPlan; rootId: string; period: DashboardPeriod },
) {
  const { goal, plan } = input.goal;
  const { team, today } = scope;
  const rootId = input.rootId;
  const start = toIsoDay(goal.startDate);
  const deadline = toIsoDay(goal.deadline);
  const period = resolvePeriod({ period: input.period, today, start, deadline, weekStartsOn: team.weekStartsOn });
  const goalAsOf = resolvePeriod({ period: "goal", today, start, deadline, weekStartsOn: team.weekStartsOn }).asOf;
  const subtree = { teamId: team.id, rootId };

  const [daily, branches, funnel] = await Promise.all([
    branchDailyTotals(db, { ...subtree, metricId: goal.metric.id, from: start, to: goalAsOf }),
    goalBranches(db, { ...subtree, goalId: goal.id }),
    funnelDone(db, { ...subtree, resultMetricId: goal.metric.id, from: period.from, to: period.asOf }),
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
    return {
      date: d.date,
      planned: shareOfProgress(subtreeShare, P(d.date), T),
      actual: d.date <= goalAsOf ? running : null,
    };
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
  const resultPlanned =
    shareOfProgress(subtreeShare, P(period.asOf), T) - shareOfProgress(subtreeShare, P(addDays(period.from, -1)), T);
  const resultDone = [...perDay.entries()]
    .filter(([d]) => d >= period.from && d <= period.asOf)
    .reduce((s, [, v]) => s + v, 0);
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
    period: { kind: input.period, ...period },
    goalAsOf,
    unit: goal.metric.unit,
    checkpoints: plan.checkpoints.map((c) => ({
      date: c.date,
      planned: shareOfProgress(subtreeShare, c.cumulative - plan.baseline, T),
    })),
    cumulative,
    funnel: steps,
    heat,
  };
}
