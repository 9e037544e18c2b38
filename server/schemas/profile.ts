/**
 * The member profile (server/services/member/*profile*, server/services/auth/change-email.ts) and split weights set by
 * leaders (server/services/member/set-split-weight.ts): the procedures' inputs, shared with the forms.
 */
import { z } from "zod";
import { LOCALE_TAGS } from "@/server/domain/locale";
import { MAX_SPLIT_WEIGHT, MIN_SPLIT_WEIGHT } from "@/server/domain/split-weight";
import { ZAccountLinkToken } from "./auth";
import { ZEmail, ZId, ZPersonName } from "./common";

export const MAX_MINUTES_PER_DAY = 1440;

/** Minutes a day a member has for the business: whole minutes, 0–1440 (a day). */
export const ZMinutesPerDay = z
  .number({ error: "Enter whole minutes, e.g. 45" })
  .int("Whole minutes only, e.g. 45")
  .min(0, "Cannot be negative")
  .max(MAX_MINUTES_PER_DAY, "A day has 1,440 minutes: enter at most 1440");

/** null = not said (plans assume the default). */
export const ZSetMinutesPerDayInput = z.object({ minutesPerDay: ZMinutesPerDay.nullable() });
export type TSetMinutesPerDayInput = z.infer<typeof ZSetMinutesPerDayInput>;

/** A whole number typed in a text field: empty is null; anything else must be digits. */
export function zWholeNumberText<S extends z.ZodType<number | null, number | null>>(schema: S, message: string) {
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      if (text === "") return null;
      if (!/^-?\d+$/.test(text)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return Number(text);
    })
    .pipe(schema);
}

/** The minutes form: the text field, read into the procedure's input. */
export const ZMinutesPerDayForm = z.object({
  minutesPerDay: zWholeNumberText(ZMinutesPerDay.nullable(), "Enter whole minutes, e.g. 45"),
});

/** A split weight: a whole percentage of a full-time share (100 = full time, 50 = half time). */
export const ZSplitWeight = z
  .number({ error: "Enter a percentage, e.g. 50" })
  .int("A whole percentage, e.g. 50")
  .min(MIN_SPLIT_WEIGHT, "Cannot be negative")
  .max(MAX_SPLIT_WEIGHT, `At most ${MAX_SPLIT_WEIGHT}%`);

export const ZSetSplitWeightInput = z.object({ memberId: ZId, splitWeight: ZSplitWeight });
export type TSetSplitWeightInput = z.infer<typeof ZSetSplitWeightInput>;

/** The weight form: the text field (a percentage), read into the procedure's input. */
export const ZSplitWeightForm = z.object({
  splitWeight: zWholeNumberText(ZSplitWeight.nullable(), "Enter a whole percentage, e.g. 50").refine(
    (v) => v !== null,
    "Enter a percentage, e.g. 50 for half time",
  ),
});

export const ZSetNameInput = z.object({ name: ZPersonName });
export type TSetNameInput = z.infer<typeof ZSetNameInput>;

/** The formats of dates and numbers in my emails (server/domain/locale.ts); null = the default (en-GB). */
export const ZSetLocaleInput = z.object({
  locale: z.enum(LOCALE_TAGS, { error: "Choose one of the listed languages." }).nullable(),
});
export type TSetLocaleInput = z.infer<typeof ZSetLocaleInput>;

/** A new address for the account; the current password when the account has one (a stolen session cannot take it). */
export const ZRequestEmailChangeInput = z.object({
  newEmail: ZEmail,
  currentPassword: z.string().max(200).optional(),
});
export type TRequestEmailChangeInput = z.infer<typeof ZRequestEmailChangeInput>;

export const ZConfirmEmailChangeInput = z.object({ token: ZAccountLinkToken });
export type TConfirmEmailChangeInput = z.infer<typeof ZConfirmEmailChangeInput>;
