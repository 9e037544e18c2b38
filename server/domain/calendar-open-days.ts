/**
 * Working weekdays and open days (a WorkCalendar: working weekdays minus closed days), counted in O(1) + O(log k)
 * (part of the calendar module, server/domain/calendar.ts).
 */
import { PlanningError } from "./errors";
import { fromDayNumber, toDayNumber, validateWeekday, weekdayOfDayNumber, type IsoDate } from "./calendar-days";

// ---------------------------------------------------------------------------------------------------------------
// Working days, as a 7-bit mask (bit w set = weekday w is worked).

/** The bit mask of a list of working days. Throws if the list is empty or holds something other than 0–6. */
export function workingMask(workingDays: readonly number[]): number {
  let mask = 0;
  for (const w of workingDays) mask |= 1 << validateWeekday(w, "working days");
  if (mask === 0) {
    throw new PlanningError("no_working_days", "Pick at least one working day in the week.", "workingDays");
  }
  return mask;
}

function popcount7(mask: number): number {
  let c = 0;
  for (let w = 0; w < 7; w++) if (mask & (1 << w)) c++;
  return c;
}

export function isWorkingDayNumber(dayNumber: number, mask: number): boolean {
  return (mask & (1 << weekdayOfDayNumber(dayNumber))) !== 0;
}

export function isWorkingDay(date: IsoDate, workingDays: readonly number[]): boolean {
  return isWorkingDayNumber(toDayNumber(date), workingMask(workingDays));
}

/** Working days in the day-number range [from, to] (0 when `to < from`). O(1). */
export function countWorkingDayNumbers(from: number, to: number, mask: number): number {
  if (to < from) return 0;
  const total = to - from + 1;
  const fullWeeks = Math.floor(total / 7);
  let count = fullWeeks * popcount7(mask);
  for (let d = from + fullWeeks * 7; d <= to; d++) if (isWorkingDayNumber(d, mask)) count++;
  return count;
}

/** Working days from `start` to `end` inclusive. */
export function countWorkingDays(start: IsoDate, end: IsoDate, workingDays: readonly number[]): number {
  return countWorkingDayNumbers(toDayNumber(start, "start"), toDayNumber(end, "end"), workingMask(workingDays));
}

/** The day number of the n-th (n ≥ 1) working day on or after `from`. O(1). */
export function nthWorkingDayNumber(from: number, n: number, mask: number): number {
  if (!Number.isSafeInteger(n) || n < 1)
    throw new PlanningError("invalid_days", `n must be a whole number ≥ 1 (got ${n}).`);
  const perWeek = popcount7(mask);
  // Skip whole weeks while at least one more week's worth is still needed, then walk at most 13 days.
  const weeks = Math.max(0, Math.floor((n - 1) / perWeek) - 1);
  let d = from + weeks * 7;
  let remaining = n - weeks * perWeek;
  for (;;) {
    if (isWorkingDayNumber(d, mask) && --remaining === 0) return d;
    d++;
  }
}

/** The n-th (n ≥ 1) working day on or after `from`. */
export function nthWorkingDay(from: IsoDate, n: number, workingDays: readonly number[]): IsoDate {
  return fromDayNumber(nthWorkingDayNumber(toDayNumber(from, "from"), n, workingMask(workingDays)));
}

// ---------------------------------------------------------------------------------------------------------------
// Open days: working weekdays minus closed days (team holidays, a member's days off).
//
// A closed day behaves exactly like a non-working weekday. Closed days are few (a dozen holidays a year, a member's
// leave), so counting stays O(1) in the length of the range plus O(log k) in the number of closed days: the working
// days of the range, minus the closed days that fall on a working weekday inside it.

/** A calendar of open days: the team's working weekdays, minus closed days (holidays, days off). */
export interface WorkCalendar {
  workingDays: readonly number[];
  /** Days nobody plans work on, whatever the weekday (team holidays; for one member, also their days off). */
  closedDays?: readonly IsoDate[];
}

/** Why a day is not open, or null when it is: a rest weekday, a team holiday or the member's day off. */
export type ClosedReason = "rest_day" | "closed";

/**
 * A work calendar ready for fast questions: the weekday mask and the closed days that fall on a working weekday
 * (closed rest days change nothing), as sorted distinct day numbers. Build it once per plan with `openDays`.
 */
export interface OpenDays {
  readonly mask: number;
  /** Closed working weekdays, sorted ascending, distinct. */
  readonly closed: readonly number[];
  readonly closedSet: ReadonlySet<number>;
}

/** Compiles a work calendar (validates the weekdays and every closed day; throws `invalid_date` for a bad one). */
export function openDays(calendar: WorkCalendar): OpenDays {
  const mask = workingMask(calendar.workingDays);
  const set = new Set<number>();
  for (const day of calendar.closedDays ?? []) {
    const dn = toDayNumber(day, "closed day");
    if (isWorkingDayNumber(dn, mask)) set.add(dn);
  }
  return { mask, closed: [...set].sort((a, b) => a - b), closedSet: set };
}

export function isOpenDayNumber(dayNumber: number, open: OpenDays): boolean {
  return isWorkingDayNumber(dayNumber, open.mask) && !open.closedSet.has(dayNumber);
}

/** Index of the first element of the sorted `xs` that is ≥ `x` (xs.length when none). */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Closed working days in the day-number range [from, to]. O(log k). */
function closedInRange(from: number, to: number, open: OpenDays): number {
  if (to < from) return 0;
  return lowerBound(open.closed, to + 1) - lowerBound(open.closed, from);
}

/** Open days in the day-number range [from, to] (0 when `to < from`). O(1) + O(log k). */
export function countOpenDayNumbers(from: number, to: number, open: OpenDays): number {
  return countWorkingDayNumbers(from, to, open.mask) - closedInRange(from, to, open);
}

/** The day number of the n-th (n ≥ 1) open day on or after `from`. */
export function nthOpenDayNumber(from: number, n: number, open: OpenDays): number {
  let d = nthWorkingDayNumber(from, n, open.mask);
  // Each closed working day at or before the candidate pushes it one working day further (it may land on another).
  for (let i = lowerBound(open.closed, from); i < open.closed.length && open.closed[i]! <= d; i++) {
    d = nthWorkingDayNumber(d + 1, 1, open.mask);
  }
  return d;
}

/** True when `date` is a working weekday and not a closed day. */
export function isOpenDay(date: IsoDate, calendar: WorkCalendar): boolean {
  return isOpenDayNumber(toDayNumber(date), openDays(calendar));
}

/** Why `date` is not open (`rest_day`: not a working weekday; `closed`: a closed day), or null when it is open. */
export function closedReason(date: IsoDate, calendar: WorkCalendar): ClosedReason | null {
  const dn = toDayNumber(date);
  const open = openDays(calendar);
  if (!isWorkingDayNumber(dn, open.mask)) return "rest_day";
  return open.closedSet.has(dn) ? "closed" : null;
}

/** Open days from `start` to `end` inclusive. */
export function countOpenDays(start: IsoDate, end: IsoDate, calendar: WorkCalendar): number {
  return countOpenDayNumbers(toDayNumber(start, "start"), toDayNumber(end, "end"), openDays(calendar));
}

/** The n-th (n ≥ 1) open day on or after `from`. */
export function nthOpenDay(from: IsoDate, n: number, calendar: WorkCalendar): IsoDate {
  return fromDayNumber(nthOpenDayNumber(toDayNumber(from, "from"), n, openDays(calendar)));
}

/** The first open day strictly after `after` (throws if none within a year, e.g. every day closed). */
export function nextOpenDay(after: IsoDate, calendar: WorkCalendar): IsoDate {
  const open = openDays(calendar);
  const from = toDayNumber(after, "after") + 1;
  const next = nthOpenDayNumber(from, 1, open);
  if (next - from >= 366) throw new PlanningError("no_open_day", `No working day in the year after ${after}.`);
  return fromDayNumber(next);
}
