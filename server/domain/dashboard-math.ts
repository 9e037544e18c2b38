/**
 * Small pure helpers for the dashboard read (server/services/dashboard/get-rollup.ts), linear in the tree size.
 *
 * Guarantees:
 * - `shareOfProgress(share, progress, total)` is a member's part of the team plan's progress: share · progress / total
 *   rounded half up, exactly (BigInt when the product is not a safe integer). It is 0 at progress 0, `share` at
 *   progress = total and never decreases as progress grows, so a member's period targets (differences of it at period
 *   ends) are whole numbers ≥ 0 that add up exactly to their share over the goal ("cumulative rounding" per member;
 *   the team's sum may differ from the team plan by at most ½ per member, see docs/PLANNING.md).
 * - `resolvePeriod` gives the days of "this week", "this month" or "goal to date" as of a day, clipped to the goal.
 * - `lastDueDay` is the last day whose plan counts as due: a day is due once it is over, so on the day itself the
 *   plan expects everything up to yesterday (a Monday-morning "this week" expects nothing yet, and what is logged
 *   today already counts as progress). A period that has ended is due in full.
 * - `catchUpPerWeek` and `forecastAtDeadline` use the same formulas as `pace.ts` (`replanCatchUp`, `assessPace`) on
 *   totals, so the dashboard needs no per-node daily series.
 */
import { addDays, endOfPeriod, isOpenDayNumber, openDays, startOfPeriod, toDayNumber, type IsoDate } from "./calendar";
import { PlanningError } from "./errors";

export function shareOfProgress(share: number, progress: number, total: number): number {
  if (total <= 0 || progress <= 0 || share <= 0) return 0;
  if (progress >= total) return share;
  const prod = share * progress;
  if (Number.isSafeInteger(prod)) {
    // round half up of prod / total, exactly: floor((2·prod + total) / (2·total)).
    const q = Math.floor(prod / total);
    const r = prod - q * total;
    return 2 * r >= total ? q + 1 : q;
  }
  const big = BigInt(share) * BigInt(progress);
  const bt = BigInt(total);
  const q = big / bt;
  const r = big % bt;
  return Number(2n * r >= bt ? q + 1n : q);
}

export type DashboardPeriod = "week" | "month" | "goal";

export interface ResolvedPeriod {
  /** First day of the period (never before the goal's start). */
  from: IsoDate;
  /** Last day of the period (never after the deadline). */
  to: IsoDate;
  /** The day actuals are counted up to: min(today, to). Before the start it is the day before `from`. */
  asOf: IsoDate;
}

export function resolvePeriod(args: {
  period: DashboardPeriod;
  today: IsoDate;
  start: IsoDate;
  deadline: IsoDate;
  weekStartsOn: number;
}): ResolvedPeriod {
  const { start, deadline, weekStartsOn } = args;
  if (deadline < start) throw new PlanningError("deadline_before_start", "The goal's deadline is before its start.", "deadline");
  // A goal that has ended is shown as of its deadline; one that has not started as of its first day.
  const day = args.today > deadline ? deadline : args.today < start ? start : args.today;
  let from: IsoDate;
  let to: IsoDate;
  if (args.period === "goal") {
    from = start;
    to = deadline;
  } else {
    from = startOfPeriod(day, args.period, weekStartsOn);
    to = endOfPeriod(day, args.period, weekStartsOn);
    if (from < start) from = start;
    if (to > deadline) to = deadline;
  }
  const asOf = args.today < from ? addDays(from, -1) : args.today > to ? to : args.today;
  return { from, to, asOf };
}

/** min(asOf, the day before `currentDay`): the last day whose plan is due while `currentDay` is under way. */
export function lastDueDay(asOf: IsoDate, currentDay: IsoDate): IsoDate {
  const yesterday = addDays(currentDay, -1);
  return asOf < yesterday ? asOf : yesterday;
}

/** What is missing from the plan so far, spread over the weeks left (rounded up); 0 when on or above plan. */
export function catchUpPerWeek(shortfall: number, remainingWorkingDays: number, workingDaysPerWeek: number): number {
  if (shortfall <= 0) return 0;
  const perWeek = workingDaysPerWeek > 0 ? workingDaysPerWeek : 5;
  const weeksLeft = Math.max(1, remainingWorkingDays / perWeek);
  return Math.ceil(shortfall / weeksLeft - 1e-9);
}

/** Actual so far + the run rate of the last working days × the working days left; null without a working day yet. */
export function forecastAtDeadline(args: {
  actualToDate: number;
  windowSum: number;
  windowWorkingDays: number;
  remainingWorkingDays: number;
}): number | null {
  if (args.windowWorkingDays <= 0) return null;
  return args.actualToDate + Math.round((args.windowSum / args.windowWorkingDays) * args.remainingWorkingDays);
}

/**
 * The first day of the run-rate window: the `window`-th last working day in [start, asOf] (or `start`). Closed days
 * (the goal's holidays) are not working days.
 */
export function runRateWindowStart(args: {
  start: IsoDate;
  asOf: IsoDate;
  window: number;
  workingDays: readonly number[];
  closedDays?: readonly IsoDate[];
}): {
  from: IsoDate;
  workingDays: number;
} {
  const open = openDays({ workingDays: args.workingDays, closedDays: args.closedDays ?? [] });
  let from = args.asOf;
  let count = 0;
  let d = args.asOf;
  while (d >= args.start && count < args.window) {
    if (isOpenDayNumber(toDayNumber(d), open)) {
      count++;
      from = d;
    }
    d = addDays(d, -1);
  }
  return { from: count === 0 ? addDays(args.asOf, 1) : from, workingDays: count };
}
