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
 *
 * Split by concern, all re-exported here (import from this module):
 * - calendar-days.ts       ISO days, day numbers, arithmetic, weekdays, the day an instant falls on in a zone;
 * - calendar-open-days.ts  working weekdays and open days (`WorkCalendar`: working weekdays minus closed days);
 * - calendar-periods.ts    periods (day, week, month) and weeks to a deadline.
 */
export * from "./calendar-days";
export * from "./calendar-open-days";
export * from "./calendar-periods";
