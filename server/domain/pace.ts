/**
 * Pace, forecast and the catch-up re-plan.
 *
 * Given a phased plan (see `phasing.ts`) and the actuals logged per day, as of the end of `asOf`:
 * - expected-to-date is the plan's cumulative at the end of `asOf` (pass yesterday for a morning view);
 * - the status compares progress since the baseline with the progress the plan expected, using the thresholds in
 *   `PACE_THRESHOLDS` (the only place they live): ratio ≥ 1.05 ahead, ≥ 0.95 on track, ≥ 0.80 at risk, else behind;
 *   when nothing was expected yet, any progress is ahead and none is on track;
 * - the forecast at the deadline is the actual so far plus the recent run rate × the working days left, where the
 *   run rate is everything logged over the last `RUN_RATE_WINDOW_WORKING_DAYS` (10) working days of the plan up to
 *   `asOf` (weekend work included) divided by those working days; null before any working day has passed;
 * - the catch-up re-plan spreads what is still missing (target − actual) over the days after `asOf` in proportion
 *   to what the original plan had on those days, so the remaining shape of the curve is kept (front-loaded stays
 *   front-loaded; custom checkpoints keep their relative weight). If the original plan has nothing left on those
 *   days, the rest is spread evenly over the remaining working days. Guarantees: whole increments ≥ 0, zero on
 *   non-working days, summing exactly to the missing amount, running totals within ½ of exact; `feasible` is false
 *   only when something is missing and no working day is left.
 * Working days are *open* days throughout: a closed day of the plan (`closedDays`, the team holidays it was phased
 * with) counts exactly like a weekday the team does not work — for the run-rate window, the days left and the
 * catch-up.
 *
 * `paceModel` is the one pace model every screen and export uses (dashboard, My plan, weekly review, digest, CSV):
 * from expected-so-far, actual, target, the run-rate window and the open days left it gives the status, the forecast
 * at the deadline, the catch-up and a note, which never contradict (see its comment and docs/PLANNING.md "Pace").
 */
import { apportionCumulative } from "./apportion";
import { countOpenDayNumbers, isOpenDayNumber, openDays, toDayNumber, type IsoDate } from "./calendar";
import { PlanningError } from "./errors";
import { cumulativeOn, periodRows, type PhasedPlan, type PlanPeriod } from "./phasing";

export type PaceStatus = "ahead" | "on_track" | "at_risk" | "behind";

/** Progress ratio (actual ÷ expected progress since the baseline) at or above which each status starts. */
export const PACE_THRESHOLDS = { ahead: 1.05, onTrack: 0.95, atRisk: 0.8 } as const;
export type PaceThresholds = { ahead: number; onTrack: number; atRisk: number };

/** Working days of recent history used for the run rate. */
export const RUN_RATE_WINDOW_WORKING_DAYS = 10;

export function paceStatus(
  actual: number,
  expected: number,
  baseline = 0,
  thresholds: PaceThresholds = PACE_THRESHOLDS,
): PaceStatus {
  const planned = expected - baseline;
  const done = actual - baseline;
  if (planned <= 0) return done > 0 ? "ahead" : "on_track";
  const ratio = done / planned;
  if (ratio >= thresholds.ahead) return "ahead";
  if (ratio >= thresholds.onTrack) return "on_track";
  if (ratio >= thresholds.atRisk) return "at_risk";
  return "behind";
}

/**
 * Why the pace is what it is; `paceNoteText` gives the sentence. The catch-up is 0 exactly for the first three.
 * - `reached`: actual ≥ target.
 * - `on_course`: actual ≥ expected and the forecast reaches the target.
 * - `too_early`: actual ≥ expected and no forecast yet (no open day of the goal is over): nothing says otherwise.
 * - `short_at_this_pace`: actual ≥ expected, but the forecast falls short of the target ("ahead of the plan so far,
 *   but the run rate falls short").
 * - `behind_but_reaching`: actual < expected, but the forecast still reaches the target.
 * - `behind`: actual < expected and the forecast (if any) falls short.
 * - `out_of_time`: something is missing and no open day is left before the deadline.
 */
export type PaceNote =
  "reached" | "on_course" | "too_early" | "short_at_this_pace" | "behind_but_reaching" | "behind" | "out_of_time";

export interface PaceModelInput {
  /** Progress so far (what is logged today already counts). */
  actual: number;
  /** What the phased plan expects so far: the plan due through the last day that is over (`lastDueDay`). */
  expected: number;
  /** The target at the deadline (same frame as actual and expected). */
  target: number;
  /** Baseline of the frame (default 0: actual, expected and target are progress since the start). */
  baseline?: number;
  /** The run-rate window: amount logged over its open days. No open day yet → no forecast. */
  window: { sum: number; openDays: number };
  /** Open days after the day viewed up to the deadline: the forecast's days. */
  forecastOpenDays: number;
  /** Open days not yet due up to the deadline (today included while it is under way): the catch-up's days. */
  remainingOpenDays: number;
  /** Open weekdays per week of the team (1–7; anything else counts as 5). */
  openDaysPerWeek: number;
  thresholds?: PaceThresholds;
}

export interface PaceModel {
  actual: number;
  expected: number;
  target: number;
  /** From actual vs expected (`paceStatus`, `PACE_THRESHOLDS`). */
  status: PaceStatus;
  /** actual + round(window.sum ÷ window.openDays × forecastOpenDays); null without an open day in the window. */
  forecast: number | null;
  /** max(0, target − forecast); null without a forecast. */
  shortfallAtDeadline: number | null;
  /** max(0, target − actual): what is still missing to finish on target. */
  missing: number;
  /**
   * What each remaining week and open day must bring to finish ON target: the missing amount spread over the open
   * days left, rounded up (perDay = ⌈missing ÷ days⌉, perWeek = ⌈missing · daysPerWeek ÷ days⌉, or all of it when less
   * than a week — or no day — is left). 0 exactly when the note is `reached`, `on_course` or `too_early`.
   */
  catchUp: { perWeek: number; perDay: number };
  note: PaceNote;
}

/** ⌈a · m ÷ b⌉ for whole a ≥ 0, m ≥ 1, b ≥ 1, exactly (BigInt when a · m is not a safe integer). */
function ceilMulDiv(a: number, m: number, b: number): number {
  const prod = a * m;
  if (Number.isSafeInteger(prod)) return Math.floor(prod / b) + (prod % b === 0 ? 0 : 1);
  const bb = BigInt(b);
  return Number((BigInt(a) * BigInt(m) + bb - 1n) / bb);
}

/** The one pace model (see `PaceNote` and `PaceModel` for the rule). Pure; every screen and export uses it. */
export function paceModel(input: PaceModelInput): PaceModel {
  const { actual, expected, target } = input;
  const status = paceStatus(actual, expected, input.baseline ?? 0, input.thresholds);
  const forecast =
    input.window.openDays > 0
      ? actual + Math.round((input.window.sum / input.window.openDays) * Math.max(0, input.forecastOpenDays))
      : null;
  const missing = Math.max(0, target - actual);
  const days = Math.max(0, Math.floor(input.remainingOpenDays));
  const onPlan = actual >= expected;
  const note: PaceNote =
    missing === 0
      ? "reached"
      : days === 0
        ? "out_of_time"
        : onPlan
          ? forecast === null
            ? "too_early"
            : forecast >= target
              ? "on_course"
              : "short_at_this_pace"
          : forecast !== null && forecast >= target
            ? "behind_but_reaching"
            : "behind";
  let catchUp = { perWeek: 0, perDay: 0 };
  if (note !== "reached" && note !== "on_course" && note !== "too_early") {
    const perWeekDays =
      Number.isInteger(input.openDaysPerWeek) && input.openDaysPerWeek >= 1 && input.openDaysPerWeek <= 7
        ? input.openDaysPerWeek
        : 5;
    catchUp =
      days === 0
        ? { perWeek: missing, perDay: missing }
        : {
            perDay: ceilMulDiv(missing, 1, days),
            perWeek: days <= perWeekDays ? missing : ceilMulDiv(missing, perWeekDays, days),
          };
  }
  return {
    actual,
    expected,
    target,
    status,
    forecast,
    shortfallAtDeadline: forecast === null ? null : Math.max(0, target - forecast),
    missing,
    catchUp,
    note,
  };
}

/** The sentence for a model's note (no amounts: screens add them with the money module). */
export function paceNoteText(model: Pick<PaceModel, "note" | "status">): string {
  switch (model.note) {
    case "reached":
      return "Target reached.";
    case "on_course":
      return "On plan, and at the recent pace the target is reached.";
    case "too_early":
      return "On plan so far; too early for a forecast.";
    case "short_at_this_pace":
      return `${model.status === "ahead" ? "Ahead of" : "On"} the plan so far, but the recent pace falls short of the target.`;
    case "behind_but_reaching":
      return `${model.status === "on_track" ? "A little behind" : "Behind"} the plan so far, though the recent pace would still reach the target.`;
    case "behind":
      return `${model.status === "on_track" ? "A little behind" : "Behind"} the plan, and the recent pace falls short of the target.`;
    case "out_of_time":
      return "No open day is left before the deadline.";
  }
}

export type PacePlan = Pick<
  PhasedPlan,
  "start" | "deadline" | "target" | "baseline" | "days" | "period" | "weekStartsOn" | "workingDays"
> & {
  /** The plan's closed days (PhasedPlan.closedDays); default none. */
  closedDays?: readonly IsoDate[];
};

export interface DailyActual {
  date: IsoDate;
  /** Amount logged that day (whole number; may be negative for a correction). */
  amount: number;
}

export interface CatchUpDay {
  date: IsoDate;
  working: boolean;
  increment: number;
  cumulative: number;
  originalIncrement: number;
}

export interface CatchUpPeriod extends PlanPeriod {
  originalIncrement: number;
  /** increment − originalIncrement. */
  extra: number;
}

export interface CatchUpPlan {
  /** What is still missing: max(0, target − actual). */
  remaining: number;
  /** How far behind the plan: max(0, expected − actual). */
  shortfall: number;
  /** The days after `asOf` up to the deadline. */
  days: CatchUpDay[];
  periods: CatchUpPeriod[];
  /** The next working day and its new number, if any. */
  next: { date: IsoDate; increment: number } | null;
  feasible: boolean;
}

export interface PaceInput {
  plan: PacePlan;
  actuals: readonly DailyActual[];
  asOf: IsoDate;
  windowWorkingDays?: number;
  thresholds?: PaceThresholds;
}

export interface PaceReport {
  asOf: IsoDate;
  expectedToDate: number;
  actualToDate: number;
  /** actual − expected (negative when behind). */
  gap: number;
  status: PaceStatus;
  /** Per working day; null before any working day of the plan has passed. */
  runRate: number | null;
  forecastAtDeadline: number | null;
  /** Working days after `asOf` up to the deadline. */
  remainingWorkingDays: number;
  /** The pace model (`paceModel`) on these numbers: status, forecast and the catch-up per week and per day. */
  pace: PaceModel;
  catchUp: CatchUpPlan;
}

export function assessPace(input: PaceInput): PaceReport {
  const { plan } = input;
  const asOfDn = toDayNumber(input.asOf, "asOf");
  const startDn = toDayNumber(plan.start, "start");
  const deadlineDn = toDayNumber(plan.deadline, "deadline");
  const open = openDays({ workingDays: plan.workingDays, closedDays: plan.closedDays ?? [] });
  const window = input.windowWorkingDays ?? RUN_RATE_WINDOW_WORKING_DAYS;
  if (!Number.isInteger(window) || window < 1) {
    throw new PlanningError(
      "invalid_window",
      `The run-rate window must be at least one working day (got ${window}).`,
      "windowWorkingDays",
    );
  }

  const lastDn = Math.min(asOfDn, deadlineDn);
  // Window: the last `window` working days of the plan up to lastDn.
  let windowStartDn = lastDn + 1;
  let windowWorking = 0;
  for (let d = lastDn; d >= startDn && windowWorking < window; d--) {
    if (isOpenDayNumber(d, open)) {
      windowWorking++;
      windowStartDn = d;
    }
  }

  let actualToDate = plan.baseline;
  let windowSum = 0;
  input.actuals.forEach((a, i) => {
    if (!Number.isSafeInteger(a.amount)) {
      throw new PlanningError(
        "invalid_amount",
        `The amount logged on ${a.date} must be a whole number.`,
        `actuals.${i}.amount`,
      );
    }
    const dn = toDayNumber(a.date, `actuals.${i}.date`);
    if (dn < startDn || dn > asOfDn) return;
    actualToDate += a.amount;
    if (dn >= windowStartDn && dn <= lastDn) windowSum += a.amount;
  });

  const expectedToDate = cumulativeOn(plan, input.asOf);
  const remainingWorkingDays = countOpenDayNumbers(Math.max(asOfDn + 1, startDn), deadlineDn, open);
  const runRate = windowWorking > 0 ? windowSum / windowWorking : null;
  const pace = paceModel({
    actual: actualToDate,
    expected: expectedToDate,
    target: plan.target,
    baseline: plan.baseline,
    window: { sum: windowSum, openDays: windowWorking },
    forecastOpenDays: remainingWorkingDays,
    remainingOpenDays: remainingWorkingDays,
    openDaysPerWeek: plan.workingDays.length > 0 ? new Set(plan.workingDays).size : 5,
    thresholds: input.thresholds,
  });

  return {
    asOf: input.asOf,
    expectedToDate,
    actualToDate,
    gap: actualToDate - expectedToDate,
    status: pace.status,
    runRate,
    forecastAtDeadline: pace.forecast,
    remainingWorkingDays,
    pace,
    catchUp: replanCatchUp(plan, actualToDate, input.asOf),
  };
}

/** The catch-up re-plan alone (see the module comment). */
export function replanCatchUp(plan: PacePlan, actualToDate: number, asOf: IsoDate): CatchUpPlan {
  if (!Number.isSafeInteger(actualToDate)) {
    throw new PlanningError("invalid_amount", "The actual to date must be a whole number.", "actualToDate");
  }
  const asOfDn = toDayNumber(asOf, "asOf");
  const startDn = toDayNumber(plan.start, "start");
  const open = openDays({ workingDays: plan.workingDays, closedDays: plan.closedDays ?? [] });
  const firstK = Math.max(0, asOfDn - startDn + 1);
  const future = plan.days.slice(firstK);
  const remaining = Math.max(0, plan.target - actualToDate);
  const shortfall = Math.max(0, cumulativeOn(plan, asOf) - actualToDate);

  let weights = future.map((d) => d.increment);
  if (!weights.some((w) => w > 0)) weights = future.map((d) => (isOpenDayNumber(toDayNumber(d.date), open) ? 1 : 0));
  const feasible = remaining === 0 || weights.some((w) => w > 0);
  const increments = feasible ? apportionCumulative(remaining, weights) : weights.map(() => 0);

  let cumulative = actualToDate;
  const days: CatchUpDay[] = future.map((d, k) => {
    cumulative += increments[k]!;
    return {
      date: d.date,
      working: isOpenDayNumber(toDayNumber(d.date), open),
      increment: increments[k]!,
      cumulative,
      originalIncrement: d.increment,
    };
  });

  const periods: CatchUpPeriod[] = periodRows(days, plan.period, plan.weekStartsOn).map((p) => ({
    ...p,
    originalIncrement: 0,
    extra: 0,
  }));
  let pk = 0;
  for (const d of days) {
    while (pk < periods.length && d.date > periods[pk]!.periodEnd) pk++;
    const p = periods[pk]!;
    p.originalIncrement += d.originalIncrement;
  }
  for (const p of periods) p.extra = p.increment - p.originalIncrement;

  const nextDay = days.find((d) => d.working);
  return {
    remaining,
    shortfall,
    days,
    periods,
    next: nextDay ? { date: nextDay.date, increment: nextDay.increment } : null,
    feasible,
  };
}
