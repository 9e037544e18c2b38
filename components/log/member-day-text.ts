/**
 * The words for a member's day (the Log and My plan say the same): where their day is counted when it differs from
 * the team's zone, and on a rest day why and what comes next. Pure: tested in member-day-text.test.ts.
 */
import { diffDays } from "@/server/domain/calendar";
import type { MemberDay, RestDay } from "@/server/services/calendar/get-member-day";
import { formatAmount, type MetricUnit } from "@/server/domain/money";
import { dayAndMonth, longWeekday, shortDate } from "./day-label";

export type { MemberDay, RestDay };

/** A zone as people say it: "America/New_York" → "New York", "Europe/London" → "London", "UTC" → "UTC". */
export function zonePlace(timeZone: string): string {
  const last = timeZone.split("/").pop() ?? timeZone;
  return last.replaceAll("_", " ");
}

/**
 * "Your day: Mon 16 Mar (New York) · team weeks run on London time", or null when the member's zone is the
 * team's (nothing to say).
 */
export function zoneNote(day: Pick<MemberDay, "today" | "timeZone" | "teamTimeZone">): string | null {
  if (day.timeZone === day.teamTimeZone) return null;
  return `Your day: ${shortDate(day.today)} (${zonePlace(day.timeZone)}) · team weeks run on ${zonePlace(day.teamTimeZone)} time`;
}

/** Why today is not a working day: "Sunday is a rest day for North Star", "25 Dec: Christmas Day — a team holiday", "You're off today". */
export function restDayTitle(rest: Pick<RestDay, "reason">, today: string, teamName: string): string {
  const reason = rest.reason;
  if (reason.kind === "holiday") return `${dayAndMonth(today)}: ${reason.name} — a team holiday`;
  if (reason.kind === "day_off") return reason.dayOff === "SICK" ? "You're off sick today" : "You're off today";
  return `${longWeekday(today)} is a rest day for ${teamName}`;
}

/** "Monday's plan: 6 contacts, 2 presentations" (the next open day; its date when more than a week away). */
export function nextPlanText(
  rest: Pick<RestDay, "nextOpenDay" | "nextPlan">,
  today: string,
  currency: string,
): string | null {
  const next = rest.nextOpenDay;
  if (!next) return null;
  const soon = diffDays(today, next) <= 6;
  if (rest.nextPlan.length === 0) return `Nothing planned for ${soon ? longWeekday(next) : shortDate(next)} yet.`;
  const items = rest.nextPlan.map(
    (a) => `${formatAmount(a.planned, a.unit as MetricUnit, currency)} ${a.name.toLowerCase()}`,
  );
  return `${soon ? `${longWeekday(next)}'s plan` : `The plan for ${shortDate(next)}`}: ${items.join(", ")}.`;
}
