/** People's names for calendar days on the Log page ("Today", "Yesterday", "Mon 23 Nov"). */
import { addDays } from "@/server/domain/calendar";
import { toDbDay } from "@/server/domain/db-day";

// One formatter per shape, reused: building Intl formatters is what made these labels costly on a slow phone.
const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(iso: string, options: Intl.DateTimeFormatOptions): string {
  const key = JSON.stringify(options);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" });
    formats.set(key, format);
  }
  return format.format(toDbDay(iso));
}

export function dayLabel(iso: string, today: string): string {
  if (iso === today) return "Today";
  if (iso === addDays(today, -1)) return "Yesterday";
  return fmt(iso, { weekday: "short", day: "numeric", month: "short" });
}

export const longDay = (iso: string) => fmt(iso, { weekday: "long", day: "numeric", month: "long" });
export const shortWeekday = (iso: string) => fmt(iso, { weekday: "short" });
export const dayOfMonth = (iso: string) => Number(iso.slice(8, 10));
/** "Mon 16 Mar" */
export const shortDate = (iso: string) => fmt(iso, { weekday: "short", day: "numeric", month: "short" });
/** "Monday" */
export const longWeekday = (iso: string) => fmt(iso, { weekday: "long" });
/** "25 Dec" */
export const dayAndMonth = (iso: string) => fmt(iso, { day: "numeric", month: "short" });
