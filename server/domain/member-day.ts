/**
 * A member's day: whether a calendar day is open for them, and if not, why. Pure (no I/O).
 *
 * A day is open when it is one of the team's working weekdays, not a team holiday and not one of the member's own
 * days off (`isOpenDay` over `memberWorkCalendar`). A closed day has exactly one reason, the first that applies:
 * a team holiday (it has a name), then the member's day off, then the team's rest weekday.
 */
import { isWorkingDay, nextOpenDay, type IsoDate, type WorkCalendar } from "./calendar";

export type DayOffKind = "HOLIDAY" | "SICK" | "OTHER";

/** Why a day is not open for the member. */
export type RestReason =
  { kind: "holiday"; name: string } | { kind: "day_off"; dayOff: DayOffKind } | { kind: "rest_weekday" };

export interface MemberCalendar {
  /** The team's working weekdays, 0 = Sunday … 6 = Saturday. */
  workingDays: readonly number[];
  /** Team holidays: day → name. */
  holidays: ReadonlyMap<IsoDate, string>;
  /** The member's days off: day → kind. */
  daysOff: ReadonlyMap<IsoDate, string>;
}

/** The member's calendar as the domain's `WorkCalendar` (closed days = holidays ∪ days off). */
export function memberWorkCalendar(calendar: MemberCalendar): WorkCalendar {
  return {
    workingDays: calendar.workingDays,
    closedDays: [...new Set([...calendar.holidays.keys(), ...calendar.daysOff.keys()])],
  };
}

const dayOffKind = (kind: string | undefined): DayOffKind => (kind === "SICK" || kind === "OTHER" ? kind : "HOLIDAY");

/** Null when `date` is open for the member; otherwise the one reason it is not. */
export function restReason(date: IsoDate, calendar: MemberCalendar): RestReason | null {
  const holiday = calendar.holidays.get(date);
  if (holiday !== undefined) return { kind: "holiday", name: holiday };
  if (calendar.daysOff.has(date)) return { kind: "day_off", dayOff: dayOffKind(calendar.daysOff.get(date)) };
  if (!isWorkingDay(date, calendar.workingDays)) return { kind: "rest_weekday" };
  return null;
}

/** The member's day: open, or closed with its reason and the next open day (null if none within a year). */
export function memberDayStatus(
  date: IsoDate,
  calendar: MemberCalendar,
): { open: true } | { open: false; reason: RestReason; nextOpenDay: IsoDate | null } {
  const reason = restReason(date, calendar);
  if (!reason) return { open: true };
  const work = memberWorkCalendar(calendar);
  let next: IsoDate | null;
  try {
    next = nextOpenDay(date, work);
  } catch {
    next = null;
  }
  return { open: false, reason, nextOpenDay: next };
}
