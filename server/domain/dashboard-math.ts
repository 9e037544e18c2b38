/**
 * Small pure helpers for the dashboard read (server/services/progress/get-rollup.ts), linear in the tree size.
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
 * - `goalPaceDays` gives the days the pace model (`paceModel` in pace.ts) needs for a goal seen on a day: the last due
 *   day, the run-rate window, the open days the forecast counts and the open days the catch-up is spread over. The
 *   dashboard, My plan and the weekly review all take them from here, so the model works on totals and no screen
 *   needs a per-node daily series.
 */
import {
  addDays,
  countOpenDays,
  endOfPeriod,
  isOpenDayNumber,
  openDays,
  startOfPeriod,
  toDayNumber,
  type IsoDate,
  type WorkCalendar,
} from "./calendar";
import { PlanningError } from "./errors";
import { RUN_RATE_WINDOW_WORKING_DAYS } from "./pace";

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
  if (deadline < start)
    throw new PlanningError("deadline_before_start", "The goal's deadline is before its start.", "deadline");
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

export interface GoalPaceDays {
  /** The last day whose plan is due: min(asOf, the day before currentDay). */
  dueThrough: IsoDate;
  /** The run-rate window: its first day (through asOf) and its open days (0: no forecast yet). */
  windowFrom: IsoDate;
  windowOpenDays: number;
  /** Open days after asOf up to the deadline (the forecast's). */
  forecastOpenDays: number;
  /** Open days after dueThrough up to the deadline — today included while it is under way (the catch-up's). */
  remainingOpenDays: number;
  /** The team's open weekdays per week. */
  openDaysPerWeek: number;
}

/**
 * The days of the pace model for a goal [start, deadline] seen on `asOf` (the goal's as-of day, see `resolvePeriod`)
 * while `currentDay` is under way. Open days are the goal's: the team's working weekdays minus its closed days.
 */
export function goalPaceDays(
  args: { start: IsoDate; deadline: IsoDate; asOf: IsoDate; currentDay: IsoDate } & WorkCalendar,
): GoalPaceDays {
  const calendar = { workingDays: args.workingDays, closedDays: args.closedDays ?? [] };
  const window = runRateWindowStart({
    start: args.start,
    asOf: args.asOf,
    window: RUN_RATE_WINDOW_WORKING_DAYS,
    ...calendar,
  });
  // Open days left after `day`, counted from the goal's start at the earliest.
  const openDaysAfter = (day: IsoDate) => {
    const from = addDays(day, 1) < args.start ? args.start : addDays(day, 1);
    return from <= args.deadline ? countOpenDays(from, args.deadline, calendar) : 0;
  };
  const dueThrough = lastDueDay(args.asOf, args.currentDay);
  return {
    dueThrough,
    windowFrom: window.from,
    windowOpenDays: window.workingDays,
    forecastOpenDays: openDaysAfter(args.asOf),
    remainingOpenDays: openDaysAfter(dueThrough),
    openDaysPerWeek: new Set(args.workingDays).size,
  };
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
