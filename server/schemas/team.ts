import { z } from "zod";
import { isValidSlug } from "@/server/domain/slug";
import { REVIEW_TIME_PATTERN } from "@/server/domain/calendar-feed";
import { ZId, zText } from "./common";

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

export const ZTeamName = zText({ min: 2, max: 80 });

export const ZWorkingDays = z
  .array(ZWeekday)
  .min(1, "Pick at least one working day")
  .max(7)
  .refine((days) => new Set(days).size === days.length, "Each day only once");

export const ZCreateTeamInput = z.object({
  name: ZTeamName,
  currency: ZCurrency,
  timeZone: ZTimeZone,
  weekStartsOn: ZWeekday,
  workingDays: ZWorkingDays,
});
export type TCreateTeamInput = z.infer<typeof ZCreateTeamInput>;

/** A team's web address (the URL segment): 3–40 lower-case letters, digits and single dashes, not an app route. */
export const ZTeamSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "At least 3 characters")
  .max(40, "At most 40 characters")
  .refine(isValidSlug, "Use lower-case letters, digits and single dashes (not at the start or end), e.g. acme-sales");

/** How many days back members may log: 0 (today only) to 6 (never before the start of the current week anyway). */
export const MAX_BACKDATE_DAYS = 6;

/** The weekly review meeting (calendar feeds): a weekday and "HH:MM" in the team's zone, both or neither. */
export const ZReviewWeekday = ZWeekday.nullable();
export const ZReviewTime = z.string().trim().regex(REVIEW_TIME_PATTERN, "A time such as 18:30").nullable();
export const ZReviewMinutes = z
  .number()
  .int("A whole number of minutes")
  .min(5, "At least 5 minutes")
  .max(480, "At most 8 hours");

/** Every team setting, as the settings form holds them. */
export const ZTeamSettingsFields = z.object({
  name: ZTeamName,
  slug: ZTeamSlug,
  currency: ZCurrency,
  timeZone: ZTimeZone,
  weekStartsOn: ZWeekday,
  workingDays: ZWorkingDays,
  backdateDays: z
    .number()
    .int("A whole number of days")
    .min(0, "0 (today only) or more")
    .max(MAX_BACKDATE_DAYS, `At most ${MAX_BACKDATE_DAYS} days`),
  membersCanInvite: z.boolean(),
  uplineCanEditEntries: z.boolean(),
  leaderboardEnabled: z.boolean(),
  sponsorsLeadBranches: z.boolean(),
  leadersCanEditSettings: z.boolean(),
  reviewWeekday: ZReviewWeekday,
  reviewTime: ZReviewTime,
  reviewMinutes: ZReviewMinutes,
});
export type TTeamSettingsFields = z.infer<typeof ZTeamSettingsFields>;

/**
 * A change of team settings: only the fields sent are changed (each change an AuditEvent, before → after).
 * `version` is the settings version the form was filled from: a save made on stale settings is refused (CONFLICT).
 */
export const ZUpdateTeamSettingsInput = ZTeamSettingsFields.partial().extend({
  version: z.number().int().min(0).max(2_147_483_647),
});
export type TUpdateTeamSettingsInput = z.infer<typeof ZUpdateTeamSettingsInput>;
/** The settings a save may change (the input without its version). */
export type TTeamSettingsPatch = Omit<TUpdateTeamSettingsInput, "version">;

/** A page of the team's activity (audit log), newest first; `cursor` is the last id of the previous page. */
export const ZTeamActivityInput = z.object({
  cursor: ZId.optional(),
  limit: z.number().int().min(1).max(100).default(30),
});
export type TTeamActivityInput = z.infer<typeof ZTeamActivityInput>;

/** Hand the team to another active member (`membershipId`); the old owner becomes a leader. */
export const ZTransferOwnershipInput = z.object({ membershipId: ZId });

/** Delete the team for good: `confirmName` is the team's name, typed exactly. */
export const ZDeleteTeamInput = z.object({
  confirmName: zText({ min: 1, max: 200, minMessage: "Type the team's name to confirm" }),
});

/** An address that may be an old slug of one of my teams. */
export const ZOldSlugInput = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9-]+$/, "Not a team address"),
});
