/**
 * CSV of a goal's plan and actuals per member per period (week or month) over the actor's visible subtree:
 * member, email, upline email (uplines inside that subtree only: the actor's own upline is seen by name only, as
 * everywhere else), period, the metric with its unit (and currency, for money), personal and team target
 * and actual — money in major units ("3012.50"), counts and minutes as whole numbers. Text cells are made safe to
 * open in a spreadsheet (server/domain/csv.ts). Constant queries: the goal, the subtree with targets (one CTE), the
 * daily totals (one CTE), the goal's re-plans (one query). Targets per period come from each member's own expected
 * (`memberExpectedOn`): the phased plan × share, or a re-planned member's own plan ("re-plan the rest").
 *
 * Each row also carries the member's team (me + downline) goal to date exactly as the dashboard shows it — expected so
 * far, actual, pace, forecast at the deadline and the catch-up per week / per open day to finish on target — taken from
 * the dashboard roll-up (`getRollup`, period "goal"), so from the one pace model (`paceModel`). The goal comes loaded
 * from the procedure (`goalPlanProcedure("view")`); SQL in server/queries/dashboard.ts.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, periodsInRange } from "@/server/domain/calendar";
import { toCsv } from "@/server/domain/csv";
import { toIsoDay } from "@/server/domain/db-day";
import { memberExpectedOn, type ExpectedPlan } from "@/server/domain/expected-plan";
import { toMajorString } from "@/server/domain/money";
import { cumulativeOn } from "@/server/domain/phasing";
import { exportMembers, memberDailyTotals } from "@/server/queries/dashboard";
import { getRollup } from "@/server/services/progress/get-rollup";
import type { GoalPlan } from "@/server/services/progress/load-goal-plan";
import { cumulativePlans, loadReplannedPlans } from "@/server/services/progress/replanned-plans";
import type { TeamScope } from "@/server/services/team/scope";

export const EXPORT_COLUMNS = [
  "member",
  "email",
  "upline_email",
  "period_start",
  "period_end",
  "metric",
  "unit",
  "currency",
  "personal_target",
  "personal_actual",
  "team_target",
  "team_actual",
  "team_expected_to_date",
  "team_actual_to_date",
  "team_pace",
  "team_forecast_at_deadline",
  "team_catch_up_per_week",
  "team_catch_up_per_day",
] as const;

export async function exportGoalCsv(
  db: DbClient,
  scope: TeamScope,
  input: { goal: GoalPlan; period: "week" | "month" },
): Promise<{ filename: string; csv: string; rows: number }> {
  const { goal, plan } = input.goal;
  const { team, today } = scope;
  const start = toIsoDay(goal.startDate);
  const deadline = toIsoDay(goal.deadline);
  const asOf = today > deadline ? deadline : today;
  const subtree = { teamId: team.id, rootId: scope.actor.id };
  const [members, daily, replans] = await Promise.all([
    exportMembers(db, { ...subtree, goalId: goal.id }),
    memberDailyTotals(db, { ...subtree, metricId: goal.metric.id, from: start, to: asOf }),
    loadReplannedPlans(db, { teamId: team.id, goal: { id: goal.id, metricId: goal.metric.id }, plan }),
  ]);

  // Goal to date per member's team: the dashboard's own rows (the one pace model), for the same subtree and day.
  const rollup = await getRollup(db, scope, { goal: input.goal, period: "goal", rootId: scope.actor.id });
  const paceOf = new Map(rollup.rows.map((r) => [r.id, r.goal]));

  const periods = periodsInRange(start, deadline, input.period, team.weekStartsOn);
  const n = members.length;
  const index = new Map(members.map((m, i) => [m.id, i]));
  // Each member's targets per period from their own expected: a re-planned member's own plan, everyone else's share
  // of the curve (the roll-up's rule, expected-plan.ts).
  const expectedPlan: ExpectedPlan = {
    total: plan.target - plan.baseline,
    progress: (d: string) => cumulativeOn(plan, d) - plan.baseline,
    replanned: cumulativePlans(replans),
  };
  // actual[p·n + i], target[p·n + i]
  const actual = new Float64Array(periods.length * n);
  const target = new Float64Array(periods.length * n);
  const periodOf = (day: string) => periods.findIndex((p) => day >= p.periodStart && day <= p.periodEnd);
  for (const r of daily) {
    const p = periodOf(r.day);
    const i = index.get(r.id);
    if (p >= 0 && i !== undefined) actual[p * n + i]! += r.total;
  }
  periods.forEach((p, k) => {
    const dayBefore = addDays(p.periodStart, -1);
    members.forEach((m, i) => {
      target[k * n + i] =
        memberExpectedOn(expectedPlan, m.id, m.share, p.periodEnd) -
        memberExpectedOn(expectedPlan, m.id, m.share, dayBefore);
    });
  });
  const teamActual = Float64Array.from(actual);
  const teamTarget = Float64Array.from(target);
  for (let i = n - 1; i > 0; i--) {
    const p = index.get(members[i]!.parentId!);
    if (p === undefined) continue;
    for (let k = 0; k < periods.length; k++) {
      teamActual[k * n + p]! += teamActual[k * n + i]!;
      teamTarget[k * n + p]! += teamTarget[k * n + i]!;
    }
  }
  const money = goal.metric.unit === "MONEY";
  const currency = money ? team.currency : "";
  const amount = (a: number) => (money ? toMajorString(a, team.currency) : a);
  const data: (string | number)[][] = [];
  members.forEach((m, i) => {
    const pace = paceOf.get(m.id);
    const goalCells = pace
      ? [
          amount(pace.teamExpected),
          amount(pace.teamActual),
          pace.status,
          pace.forecast === null ? "" : amount(pace.forecast),
          amount(pace.catchUpPerWeek),
          amount(pace.catchUpPerDay),
        ]
      : ["", "", "", "", "", ""];
    periods.forEach((p, k) => {
      data.push([
        m.name,
        m.email,
        // An upline above the exported subtree (the actor's own) is someone the actor sees by name only: no email.
        m.parentId !== null && index.has(m.parentId) ? (m.uplineEmail ?? "") : "",
        p.periodStart,
        p.periodEnd,
        goal.metric.name,
        goal.metric.unit.toLowerCase(),
        currency,
        amount(target[k * n + i]!),
        amount(actual[k * n + i]!),
        amount(teamTarget[k * n + i]!),
        amount(teamActual[k * n + i]!),
        ...goalCells,
      ]);
    });
  });
  const csv = toCsv(data, { fields: EXPORT_COLUMNS });
  const slug =
    goal.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "goal";
  return { filename: `${slug}-${input.period}.csv`, csv, rows: data.length };
}
