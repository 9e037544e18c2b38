/**
 * Wall-clock time in an IANA zone, the one home (with `isoDateInTimeZone`, server/domain/calendar-days.ts, for the
 * day): the hour it is somewhere (alerts in the member's morning, the weekly digest at the team's 07:00) and the
 * instant a local time is (the review meeting in a calendar feed). Built on @date-fns/tz; kept out of
 * calendar-days.ts so the phone pages that only need days do not load it.
 */
import { TZDate } from "@date-fns/tz";
import type { IsoDate } from "./calendar-days";

/** The hour (0–23) it is at `epochMs` in `timeZone` (an unknown zone throws a RangeError). */
export function hourInTimeZone(epochMs: number, timeZone: string): number {
  const hour = new TZDate(epochMs, timeZone).getHours();
  if (Number.isNaN(hour)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return hour;
}

/**
 * The instant a wall-clock time ("HH:MM") on a calendar day is in a zone ("2026-12-08", "18:30", "America/New_York"
 * → 23:30 UTC). A time skipped by a spring-forward change gives the instant an hour later, as calendars do.
 */
export function zonedInstant(day: IsoDate, time: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const instant = new TZDate(y, m - 1, d, hh, mm, timeZone).getTime();
  if (Number.isNaN(instant)) throw new RangeError(`Not a time in ${timeZone}: ${day} ${time}`);
  return new Date(instant);
}
