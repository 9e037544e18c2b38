/**
 * Dates in emails, in the reader's locale (`User.locale` through `localeOf`, server/domain/locale.ts; en-GB style —
 * "Monday 30 November" — when none is chosen). Amounts go through server/domain/money.ts in the same locale.
 */
import type { IsoDate } from "@/server/domain/calendar";
import { toDbDay } from "@/server/domain/db-day";
import { DEFAULT_LOCALE } from "@/server/domain/money";

const formats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day for people: "Monday 30 November" (with the year when asked). */
export function formatMailDay(day: IsoDate, locale: string = DEFAULT_LOCALE, withYear = false): string {
  const key = `${locale}|${withYear}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: "UTC",
      weekday: "long",
      day: "numeric",
      month: "long",
      ...(withYear ? { year: "numeric" } : {}),
    });
    formats.set(key, format);
  }
  return format.format(toDbDay(day));
}
