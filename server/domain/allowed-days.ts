/**
 * Which calendar days a member may log for (pure, no I/O, also used by the browser):
 * today where the member lives (their own time zone, else the team's), and earlier days back to
 * max(start of the week that day is in, today − backdateDays). Future days never.
 *
 * Days are calendar days: an entry for Monday counts in the team's week and month that contain Monday, wherever it
 * was logged from. So a New York member of a London team at 8 pm Monday (01:00 Tuesday in London) still logs Monday.
 */
import {
  addDays,
  compareDates,
  daysInRange,
  isIsoDate,
  isoDateInTimeZone,
  startOfPeriod,
  type IsoDate,
} from "@/server/domain/calendar";

export interface LogWindowTeam {
  timeZone: string;
  weekStartsOn: number;
  backdateDays: number;
}

export interface LogWindow {
  today: IsoDate;
  earliest: IsoDate;
}

/** The window at `now` for a member living in `memberZone` (the zone they set, else the team's). */
export function logWindow(team: LogWindowTeam, now: Date, memberZone: string = team.timeZone): LogWindow {
  const today = isoDateInTimeZone(now.getTime(), memberZone);
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
  if (compareDates(day, window.today) > 0)
    return `${day} is in the future — you can log today (${window.today}) or earlier days of this week.`;
  if (compareDates(day, window.earliest) < 0) {
    return window.earliest === window.today
      ? `${day} is too far back — your team only allows logging for today (${window.today}).`
      : `${day} is too far back — you can log from ${window.earliest} to ${window.today}.`;
  }
  return null;
}
