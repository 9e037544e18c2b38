/**
 * The one place a calendar day meets a JavaScript `Date`. Plan and log days are `@db.Date` columns, which Prisma reads
 * and writes as midnight UTC of that day; everywhere else a day is an `IsoDate` string ("2027-03-17"). Convert at the
 * boundary with these two, never by hand.
 */
import type { IsoDate } from "./calendar";

/** The calendar day of a `@db.Date` value (midnight UTC), or of any instant read in UTC; an IsoDate passes through. */
export function toIsoDay(value: Date | IsoDate): IsoDate {
  return typeof value === "string" ? value : value.toISOString().slice(0, 10);
}

/** The `@db.Date` value (midnight UTC) that stores a calendar day. */
export function toDbDay(day: IsoDate): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
