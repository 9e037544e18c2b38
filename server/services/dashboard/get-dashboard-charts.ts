/**
 * The dashboard's charts for a goal, a period and a visible subtree: cumulative plan vs actual since the start
 * (with checkpoints), the activity funnel (planned vs done at each step over the same days: the period so far) and a heat strip of daily
 * completion per branch (the subtree root's own work and each direct member's whole team).
 * Four aggregate queries over one recursive CTE each (server/queries/dashboard.ts) and the goal's re-plans (one query,
 * replanned-plans.ts); the goal and the subtree root come checked from the procedure (server/api/policy/dashboard.ts).
 * Every planned number is the sum of the members' own expected — a re-planned member's own plan, everyone else's
 * share of the curve (`groupExpected`, server/domain/expected-plan.ts) — so the cumulative plan on a day is the
 * roll-up's team expected for the subtree on that day.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, daysInRange, type IsoDate } from "@/server/domain/calendar";
import { resolvePeriod, type DashboardPeriod } from "@/server/domain/dashboard-math";
import { toIsoDay } from "@/server/domain/db-day";
import { groupExpected, type ExpectedPlan, type ShareGroup } from "@/server/domain/expected-plan";
import { plannedBehind } from "@/server/domain/funnel";
import { cumulativeOn } from "@/server/domain/phasing";
import { branchDailyTotals, branchShareGroups, funnelDone, goalBranches } from "@/server/queries/dashboard";
import type { GoalPlan } from "@/server/services/progress/load-goal-plan";
import { cumulativePlans, loadReplannedPlans } from "@/server/services/progress/replanned-plans";
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

  const [daily, branches, funnel, shareRows, replans] = await Promise.all([
    branchDailyTotals(db, { ...subtree, metricId: goal.metric.id, from: start, to: goalAsOf }),
    goalBranches(db, { ...subtree, goalId: goal.id }),
    funnelDone(db, { ...subtree, resultMetricId: goal.metric.id, from: period.from, to: period.asOf }),
    branchShareGroups(db, { ...subtree, goalId: goal.id }),
    loadReplannedPlans(db, { teamId: team.id, goal: { id: goal.id, metricId: goal.metric.id }, plan }),
  ]);

  // Every planned number is the sum of the members' own (a re-planned member's own plan, everyone else's share of the
  // goal's curve): the roll-up's numbers for the same subtree and day (expected-plan.ts).
  const expectedPlan: ExpectedPlan = {
    total: plan.target - plan.baseline,
    progress: (d: IsoDate) => cumulativeOn(plan, d) - plan.baseline,
    replanned: cumulativePlans(replans),
  };
  const groupsOf = new Map<string, ShareGroup[]>();
  for (const r of shareRows) {
    const groups = groupsOf.get(r.branch) ?? [];
    // A stored re-plan that could not be rebuilt leaves its member on their share.
    groups.push({ share: r.share, count: r.count, replannedId: r.replannedId });
    groupsOf.set(r.branch, groups);
  }
  const subtreePlanned = groupExpected(expectedPlan, [...groupsOf.values()].flat());

  // Cumulative plan vs actual for the subtree, day by day from the start to the deadline.
  const perDay = new Map<string, number>();
  for (const r of daily) perDay.set(r.day, (perDay.get(r.day) ?? 0) + r.total);
  let running = 0;
  const cumulative = plan.days.map((d) => {
    running += perDay.get(d.date) ?? 0;
    return {
      date: d.date,
      planned: subtreePlanned(d.date),
      actual: d.date <= goalAsOf ? running : null,
    };
  });

  // Heat strip: each branch's daily completion over the period's days.
  const periodDays = daysInRange(period.from, period.to);
  const byBranchDay = new Map(daily.map((r) => [`${r.branch}|${r.day}`, r.total]));
  const heat = branches.map((b) => {
    const branchPlanned = groupExpected(expectedPlan, groupsOf.get(b.branch) ?? []);
    return {
      id: b.branch,
      name: b.name,
      members: b.members,
      own: b.branch === rootId,
      days: periodDays.map((date) => {
        const expected = branchPlanned(date) - branchPlanned(addDays(date, -1));
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
    };
  });

  // Funnel: like with like — the subtree's result planned over the same days as "done" (the period's first day through
  // its as-of day, today included), worked backwards through the stages (ceil at each step). Never the whole
  // period's plan against what is done so far, nor one period's plan against another's done.
  const resultPlanned = subtreePlanned(period.asOf) - subtreePlanned(addDays(period.from, -1));
  const resultDone = [...perDay.entries()]
    .filter(([d]) => d >= period.from && d <= period.asOf)
    .reduce((s, [, v]) => s + v, 0);
  const stages = [...funnel].sort((a, b) => a.position - b.position);
  const planned = plannedBehind(resultPlanned, stages);
  const steps: { key: string; name: string; planned: number; done: number }[] = stages.map((stage, i) => ({
    key: stage.key,
    name: stage.name,
    planned: planned[i]!,
    done: stage.done,
  }));
  steps.push({ key: goal.metric.key, name: goal.metric.name, planned: resultPlanned, done: resultDone });

  return {
    rootId,
    period: { kind: input.period, ...period },
    goalAsOf,
    unit: goal.metric.unit,
    checkpoints: plan.checkpoints.map((c) => ({
      date: c.date,
      planned: subtreePlanned(c.date),
    })),
    cumulative,
    funnel: steps,
    heat,
  };
}
