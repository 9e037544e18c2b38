/** "Today" for a team: the calendar day it is now in the team's time zone. */
import { isoDateInTimeZone, type IsoDate } from "@/server/domain/calendar";

export function teamToday(team: { timeZone: string }, now: number = Date.now()): IsoDate {
  return isoDateInTimeZone(now, team.timeZone);
}
