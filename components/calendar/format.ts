import { toDbDay } from "@/server/domain/db-day";
/** Days on the calendar screens: "Fri 26 Mar 2027". */
const weekdayFmt = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

export function formatWeekday(iso: string): string {
  return weekdayFmt.format(toDbDay(iso));
}
