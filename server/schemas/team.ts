import { z } from "zod";
import { zText } from "./common";

const CURRENCIES = Intl.supportedValuesOf("currency");
const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone"));

export const ZCurrency = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => CURRENCIES.includes(c), "Choose a currency code such as GBP, USD or EUR");

export const ZTimeZone = z
  .string()
  .trim()
  .refine((tz) => tz === "UTC" || TIME_ZONES.has(tz), "Choose a time zone such as Europe/London");

export const ZWeekday = z.number().int().min(0).max(6);

export const ZCreateTeamInput = z.object({
  name: zText({ min: 2, max: 80 }),
  currency: ZCurrency,
  timeZone: ZTimeZone,
  weekStartsOn: ZWeekday,
  workingDays: z
    .array(ZWeekday)
    .min(1, "Pick at least one working day")
    .max(7)
    .refine((days) => new Set(days).size === days.length, "Each day only once"),
});
export type TCreateTeamInput = z.infer<typeof ZCreateTeamInput>;
