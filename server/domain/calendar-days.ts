/**
 * Calendar days without time zones: ISO days, day numbers, day arithmetic and weekdays (part of the calendar module,
 * server/domain/calendar.ts, which re-exports everything; the guarantees are written there).
 */
import { PlanningError } from "./errors";

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;
/** 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Monday to Friday. */
export const DEFAULT_WORKING_DAYS: readonly Weekday[] = [1, 2, 3, 4, 5];
/** Weeks start on Monday unless the team says otherwise. */
export const DEFAULT_WEEK_STARTS_ON: Weekday = 1;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------------------------
// Day numbers (days since 1970-01-01). Howard Hinnant's civil-calendar algorithms: exact integer arithmetic.

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(dayNumber: number): [number, number, number] {
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
  if (!Number.isSafeInteger(days))
    throw new PlanningError("invalid_days", `A number of days must be whole (got ${days}).`);
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
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday;
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
