/**
 * The team calendar's inputs: team holidays (leaders manage them, members read them), a country's public holidays to
 * import, and a member's own days off. Shared by the procedures and the forms. A date must be a real calendar day:
 * "2027-02-30" is a clear 400, not a shifted date.
 */
import { z } from "zod";
import { diffDays, isIsoDate } from "@/server/domain/calendar";
import { ZId, ZIsoDate, zText } from "./common";

/** A real calendar day written YYYY-MM-DD. */
export const ZCalendarDay = ZIsoDate;

/** Years the calendar accepts (holidays, imports). */
export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;

const ZCalendarYear = z
  .number({ error: "Choose a year" })
  .int("Choose a year")
  .min(MIN_CALENDAR_YEAR, `From ${MIN_CALENDAR_YEAR}`)
  .max(MAX_CALENDAR_YEAR, `Up to ${MAX_CALENDAR_YEAR}`);

export const ZHolidayFields = z.object({
  day: ZCalendarDay,
  name: zText({ min: 1, max: 80, minMessage: "Enter a name" }),
});
export type THolidayFields = z.infer<typeof ZHolidayFields>;

export const ZAddHolidayInput = ZHolidayFields;
export const ZRemoveHolidayInput = z.object({ holidayId: ZId });

/** A country (ISO 3166-1 alpha-2, e.g. GB) and optionally one of its regions (e.g. SCT), for a year. */
export const ZHolidayImportQuery = z.object({
  country: z
    .string({ error: "Choose a country" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Choose a country"),
  region: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,6}$/, "Choose a region")
    .optional(),
  year: ZCalendarYear,
});
export type THolidayImportQuery = z.infer<typeof ZHolidayImportQuery>;

/** The import, confirmed: the days of the preview the leader kept (every one by default). */
export const ZImportHolidaysInput = ZHolidayImportQuery.extend({
  days: z.array(ZCalendarDay).min(1, "Choose at least one holiday").max(60, "At most 60 holidays at once"),
});
export type TImportHolidaysInput = z.infer<typeof ZImportHolidaysInput>;

export const ZDayOffKind = z.enum(["HOLIDAY", "SICK", "OTHER"], { error: "Choose holiday, sick or other" });
export type TDayOffKind = z.infer<typeof ZDayOffKind>;

/** Longest stretch of days off added at once. */
export const MAX_DAYS_OFF_SPAN = 62;

export const ZDayOffFields = z
  .object({
    from: ZCalendarDay,
    /** Last day off (inclusive); the same as `from` (or left out) for one day. */
    to: ZCalendarDay.optional(),
    kind: ZDayOffKind.default("HOLIDAY"),
  })
  .superRefine((v, ctx) => {
    if (!v.to || !isIsoDate(v.from) || !isIsoDate(v.to)) return;
    if (v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day is before the first" });
    else if (diffDays(v.from, v.to) + 1 > MAX_DAYS_OFF_SPAN) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `At most ${MAX_DAYS_OFF_SPAN} days at once` });
    }
  });
export type TDayOffFields = z.infer<typeof ZDayOffFields>;
export type TDayOffFieldsInput = z.input<typeof ZDayOffFields>;

export const ZAddDayOffInput = ZDayOffFields;
export const ZRemoveDayOffInput = z.object({ dayOffId: ZId });
