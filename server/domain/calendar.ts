/**
 * Calendar days without time zones.
 *
 * Guarantees:
 * - A date is an ISO calendar day string `YYYY-MM-DD` (years 0001–9999). Every function validates its date
 *   arguments and throws `PlanningError` (`invalid_date`) for anything else, including impossible days (2026-02-30).
 * - Arithmetic is done on integer "day numbers" (days since 1970-01-01) with pure integer formulas, never with
 *   `Date` objects, so results never depend on the machine's time zone or daylight-saving rules.
 * - Days of the week are numbered 0 = Sunday … 6 = Saturday. A team's working days are a list of those numbers;
 *   it must contain at least one day.
 * - Periods: `day`, `week` (seven days starting on `weekStartsOn`) and calendar `month`.
 * The only place a real instant meets a calendar day is `isoDateInTimeZone`, which asks `Intl` for the day an
 * instant falls on in a named time zone (works in Node and browsers).
 */
import { PlanningError } from "./errors";

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;
/** 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export type Period = "day" | "week" | "month";

/** Monday to Friday. */
export const DEFAULT_WORKING_DAYS: readonly Weekday[] = [1, 2, 3, 4, 5];
/** Weeks start on Monday unless the team says otherwise. */
export const DEFAULT_WEEK_STARTS_ON: Weekday = 1;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------------------------
// Day numbers (days since 1970-01-01). Howard Hinnant's civil-calendar algorithms: exact integer arithmetic.

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const MIN_DAY = daysFromCivil(1, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** True when `value` is a real calendar day written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The day number (days since 1970-01-01) of an ISO date; throws `invalid_date` otherwise. */
export function toDayNumber(date: IsoDate, field = "date"): number {
  if (!isIsoDate(date)) {
    throw new PlanningError(
      "invalid_date",
      `The ${field} must be a calendar day written YYYY-MM-DD (got ${JSON.stringify(date)}).`,
      field,
    );
  }
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** The ISO date of a day number. */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber) || dayNumber < MIN_DAY || dayNumber > MAX_DAY) {
    throw new PlanningError("invalid_date", `That date is outside the years 0001–9999.`);
  }
  const [y, m, d] = civilFromDays(dayNumber);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Validates and returns the date unchanged (handy at the top of functions). */
export function parseIsoDate(date: IsoDate, field = "date"): IsoDate {
  toDayNumber(date, field);
  return date;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new PlanningError("invalid_days", `A number of days must be whole (got ${days}).`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** `to − from` in days (positive when `to` is later). */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to, "second date") - toDayNumber(from, "first date");
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** Day of the week of a day number, 0 = Sunday. 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): Weekday {
  return (((dayNumber + 4) % 7) + 7) % 7 as Weekday;
}

export function dayOfWeek(date: IsoDate): Weekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** Every day from `start` to `end` inclusive (empty when `end` is before `start`). */
export function daysInRange(start: IsoDate, end: IsoDate): IsoDate[] {
  const a = toDayNumber(start, "start");
  const b = toDayNumber(end, "end");
  const out: IsoDate[] = [];
  for (let d = a; d <= b; d++) out.push(fromDayNumber(d));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Working days, as a 7-bit mask (bit w set = weekday w is worked).

export function validateWeekday(value: number, field: string): Weekday {
  if (!Number.isInteger(value) || value < 0 || value > 6) {
    throw new PlanningError(
      "invalid_weekday",
      `The ${field} must be a day of the week from 0 (Sunday) to 6 (Saturday) (got ${String(value)}).`,
      field,
    );
  }
  return value as Weekday;
}

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
  if (!Number.isSafeInteger(n) || n < 1) throw new PlanningError("invalid_days", `n must be a whole number ≥ 1 (got ${n}).`);
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

// ---------------------------------------------------------------------------------------------------------------
// Periods.

export function validatePeriod(period: string): Period {
  if (period !== "day" && period !== "week" && period !== "month") {
    throw new PlanningError("invalid_period", `The period must be day, week or month (got ${JSON.stringify(period)}).`, "period");
  }
  return period;
}

/** First day number of the period containing `dayNumber`. */
export function periodStartDayNumber(dayNumber: number, period: Period, weekStartsOn: number): number {
  if (period === "day") return dayNumber;
  if (period === "week") return dayNumber - ((weekdayOfDayNumber(dayNumber) - weekStartsOn + 7) % 7);
  const [y, m] = civilFromDays(dayNumber);
  return daysFromCivil(y, m, 1);
}

/** Last day number of the period containing `dayNumber`. */
export function periodEndDayNumber(dayNumber: number, period: Period, weekStartsOn: number): number {
  if (period === "day") return dayNumber;
  if (period === "week") return periodStartDayNumber(dayNumber, "week", weekStartsOn) + 6;
  const [y, m] = civilFromDays(dayNumber);
  return daysFromCivil(y, m, daysInMonth(y, m));
}

export function startOfPeriod(date: IsoDate, period: Period, weekStartsOn: number = DEFAULT_WEEK_STARTS_ON): IsoDate {
  return fromDayNumber(periodStartDayNumber(toDayNumber(date), validatePeriod(period), validateWeekday(weekStartsOn, "week start")));
}

export function endOfPeriod(date: IsoDate, period: Period, weekStartsOn: number = DEFAULT_WEEK_STARTS_ON): IsoDate {
  return fromDayNumber(periodEndDayNumber(toDayNumber(date), validatePeriod(period), validateWeekday(weekStartsOn, "week start")));
}

/** A neutral label for the (whole, unclipped) period: `2026-12-01`, `Week of 2026-11-30`, `2026-12`. */
export function periodLabel(dayNumber: number, period: Period, weekStartsOn: number): string {
  const first = fromDayNumber(periodStartDayNumber(dayNumber, period, weekStartsOn));
  if (period === "day") return first;
  if (period === "week") return `Week of ${first}`;
  return first.slice(0, 7);
}

export interface PeriodBucket {
  /** First day of the bucket, clipped to the range. */
  periodStart: IsoDate;
  /** Last day of the bucket, clipped to the range. */
  periodEnd: IsoDate;
  label: string;
}

/** The periods covering `start`…`end` inclusive, each clipped to the range, in order. */
export function periodsInRange(start: IsoDate, end: IsoDate, period: Period, weekStartsOn: number = DEFAULT_WEEK_STARTS_ON): PeriodBucket[] {
  const a = toDayNumber(start, "start");
  const b = toDayNumber(end, "end");
  validatePeriod(period);
  validateWeekday(weekStartsOn, "week start");
  const out: PeriodBucket[] = [];
  for (let d = a; d <= b; ) {
    const e = Math.min(b, periodEndDayNumber(d, period, weekStartsOn));
    out.push({ periodStart: fromDayNumber(d), periodEnd: fromDayNumber(e), label: periodLabel(d, period, weekStartsOn) });
    d = e + 1;
  }
  return out;
}

/** Whole weeks left from `date` to `deadline` (floor of days / 7; negative when past the deadline). */
export function weeksToGo(date: IsoDate, deadline: IsoDate): number {
  return Math.floor(diffDays(date, deadline) / 7);
}

/** The day that is `weeks` whole weeks before `deadline` ("£42,000 with one week to go" → deadline − 7 days). */
export function dateWeeksBefore(deadline: IsoDate, weeks: number): IsoDate {
  return addDays(deadline, -7 * weeks);
}

/**
 * One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one, and "today" is asked
 * on every log request (docs/PERFORMANCE.md, Logging). An unknown zone throws and is not kept.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      calendar: "gregory",
      numberingSystem: "latn",
    });
    if (dayFormats.size >= 1000) dayFormats.clear();
    dayFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The calendar day an instant falls on in an IANA time zone ("Europe/London"), e.g. to get a team's "today".
 * `epochMs` is milliseconds since 1970-01-01T00:00Z (the clock's `nowMs()`, server/clock.ts).
 */
export function isoDateInTimeZone(epochMs: number, timeZone: string): IsoDate {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = dayFormat(timeZone).formatToParts(epochMs);
  } catch {
    throw new PlanningError("invalid_time_zone", `Unknown time zone ${JSON.stringify(timeZone)}.`, "timeZone");
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return `${pad(get("year"), 4)}-${pad(get("month"), 2)}-${pad(get("day"), 2)}`;
}
