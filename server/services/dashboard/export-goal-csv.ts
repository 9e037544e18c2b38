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
import { exportMembers, memberPeriodTotals } from "@/server/queries/dashboard";
import { AppError } from "@/server/errors";
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

/** Members a chunk: ~14,000 CSV rows for a 13-week goal, written as one piece of text. */
const CHUNK_MEMBERS = 1_000;
/** The tRPC procedure answers with the whole file in one response: fine for a branch, not for 100,000 members. */
export const MAX_INLINE_ROWS = 50_000;

export interface GoalCsv {
  filename: string;
  /** Data rows (the header not counted). */
  rows: number;
  /** The file as pieces of text, header first (CRLF line ends); each piece is whole rows. */
  chunks: () => Generator<string>;
}

/**
 * Reads and computes everything the file needs (a few queries, typed arrays: ~13 numbers per member and period), and
 * hands the rows out as text a chunk of members at a time, so a 100,000-member file streams (app/api/export) instead
 * of living in memory as one string.
 */
export async function prepareGoalCsv(
  db: DbClient,
  scope: TeamScope,
  input: { goal: GoalPlan; period: "week" | "month" },
): Promise<GoalCsv> {
  const { goal, plan } = input.goal;
  const { team, today } = scope;
  const start = toIsoDay(goal.startDate);
  const deadline = toIsoDay(goal.deadline);
  const asOf = today > deadline ? deadline : today;
  const subtree = { teamId: team.id, rootId: scope.actor.id };
  const periods = periodsInRange(start, deadline, input.period, team.weekStartsOn);
  const [members, totals, replans, rollup] = await Promise.all([
    exportMembers(db, { ...subtree, goalId: goal.id }),
    memberPeriodTotals(db, {
      ...subtree,
      metricId: goal.metric.id,
      from: start,
      to: asOf,
      periodStarts: periods.map((p) => p.periodStart),
    }),
    loadReplannedPlans(db, { teamId: team.id, goal: { id: goal.id, metricId: goal.metric.id }, plan }),
    // Goal to date per member's team: the dashboard's own rows (the one pace model), for the same subtree and day.
    getRollup(db, scope, { goal: input.goal, period: "goal", rootId: scope.actor.id }),
  ]);
  const paceOf = new Map(rollup.rows.map((r) => [r.id, r.goal]));

  const n = members.length;
  const P = periods.length;
  const index = new Map(members.map((m, i) => [m.id, i]));
  // Each member's targets per period from their own expected: a re-planned member's own plan, everyone else's share
  // of the curve (the roll-up's rule, expected-plan.ts). The curve is read once per period end, not once per member.
  const progressByDay = new Map<string, number>();
  const expectedPlan: ExpectedPlan = {
    total: plan.target - plan.baseline,
    progress: (d: string) => {
      let p = progressByDay.get(d);
      if (p === undefined) progressByDay.set(d, (p = cumulativeOn(plan, d) - plan.baseline));
      return p;
    },
    replanned: cumulativePlans(replans),
  };
  // actual[i·P + k], target[i·P + k]: a member's periods side by side, as the file lists them.
  const actual = new Float64Array(P * n);
  const target = new Float64Array(P * n);
  for (const r of totals) {
    const i = index.get(r.id);
    if (i === undefined) continue;
    for (let k = 0; k < P; k++) actual[i * P + k] = r.totals[k]!;
  }
  const dayBefore = periods.map((p) => addDays(p.periodStart, -1));
  for (let i = 0; i < n; i++) {
    const m = members[i]!;
    for (let k = 0; k < P; k++) {
      target[i * P + k] =
        memberExpectedOn(expectedPlan, m.id, m.share, periods[k]!.periodEnd) -
        memberExpectedOn(expectedPlan, m.id, m.share, dayBefore[k]!);
    }
  }
  // Members come by depth: walking backwards adds every member into their upline after their own downline.
  const teamActual = Float64Array.from(actual);
  const teamTarget = Float64Array.from(target);
  for (let i = n - 1; i > 0; i--) {
    const p = index.get(members[i]!.parentId!);
    if (p === undefined) continue;
    for (let k = 0; k < P; k++) {
      teamActual[p * P + k]! += teamActual[i * P + k]!;
      teamTarget[p * P + k]! += teamTarget[i * P + k]!;
    }
  }

  const money = goal.metric.unit === "MONEY";
  const currency = money ? team.currency : "";
  const amount = (a: number) => (money ? toMajorString(a, team.currency) : a);
  const rowsOf = (i: number): (string | number)[][] => {
    const m = members[i]!;
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
    // An upline above the exported subtree (the actor's own) is someone the actor sees by name only: no email.
    const upline = m.parentId !== null && index.has(m.parentId) ? (m.uplineEmail ?? "") : "";
    return periods.map((p, k) => [
      m.name,
      m.email,
      upline,
      p.periodStart,
      p.periodEnd,
      goal.metric.name,
      goal.metric.unit.toLowerCase(),
      currency,
      amount(target[i * P + k]!),
      amount(actual[i * P + k]!),
      amount(teamTarget[i * P + k]!),
      amount(teamActual[i * P + k]!),
      ...goalCells,
    ]);
  };
  const slug =
    goal.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "goal";
  return {
    filename: `${slug}-${input.period}.csv`,
    rows: n * P,
    *chunks() {
      yield `${toCsv([EXPORT_COLUMNS])}\r\n`;
      for (let from = 0; from < n; from += CHUNK_MEMBERS) {
        const data: (string | number)[][] = [];
        for (let i = from; i < Math.min(n, from + CHUNK_MEMBERS); i++) data.push(...rowsOf(i));
        if (data.length > 0) yield `${toCsv(data)}\r\n`;
      }
    },
  };
}

/** The whole file in one answer (`dashboard.exportCsv`), for a branch of at most MAX_INLINE_ROWS rows. */
export async function exportGoalCsv(
  db: DbClient,
  scope: TeamScope,
  input: { goal: GoalPlan; period: "week" | "month" },
): Promise<{ filename: string; csv: string; rows: number }> {
  const file = await prepareGoalCsv(db, scope, input);
  if (file.rows > MAX_INLINE_ROWS) {
    throw new AppError(
      "BAD_REQUEST",
      `This export has ${file.rows.toLocaleString("en-GB")} rows: download it from the dashboard, which streams it.`,
    );
  }
  return { filename: file.filename, csv: [...file.chunks()].join("").replace(/\r\n$/, ""), rows: file.rows };
}
