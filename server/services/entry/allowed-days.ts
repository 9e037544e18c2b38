/**
 * Which calendar days a member may log for (pure, no I/O, also used by the browser):
 * today in the team's time zone, and earlier days back to max(start of the current week, today − backdateDays).
 * Future days never.
 */
import { addDays, compareDates, daysInRange, isIsoDate, isoDateInTimeZone, startOfPeriod, type IsoDate } from "@/server/domain/calendar";

export interface LogWindowTeam {
  timeZone: string;
  weekStartsOn: number;
  backdateDays: number;
}

export interface LogWindow {
  today: IsoDate;
  earliest: IsoDate;
}

export function logWindow(team: LogWindowTeam, now: Date): LogWindow {
  const today = isoDateInTimeZone(now.getTime(), team.timeZone);
  const weekStart = startOfPeriod(today, "week", team.weekStartsOn);
  const back = addDays(today, -Math.max(0, team.backdateDays));
  return { today, earliest: compareDates(back, weekStart) > 0 ? back : weekStart };
}

/** The days of the window, today first. */
export function allowedDays(window: LogWindow): IsoDate[] {
  return daysInRange(window.earliest, window.today).reverse();
}

/** Null when the day may be logged, otherwise a sentence saying why not. */
export function dayProblem(day: string, window: LogWindow): string | null {
  if (!isIsoDate(day)) return `${day} is not a calendar day.`;
  if (compareDates(day, window.today) > 0) return `${day} is in the future — you can log today (${window.today}) or earlier days of this week.`;
  if (compareDates(day, window.earliest) < 0) {
    return window.earliest === window.today
      ? `${day} is too far back — your team only allows logging for today (${window.today}).`
      : `${day} is too far back — you can log from ${window.earliest} to ${window.today}.`;
  }
  return null;
}
