/** "Re-plan the rest" (server/services/goal/replan-rest.ts): shared by the procedures and the review's dialog. */
import { z } from "zod";
import { MAX_STORED_AMOUNT, ZId, ZIsoDate, zText } from "./common";

export const ZReplanInput = z.object({
  goalId: ZId,
  /** The member whose rest is re-planned (the caller for their own plan). */
  memberId: ZId,
  /** Re-plan the member and their whole branch (each from their own actual). */
  branch: z.boolean().default(false),
  /** A commitment turned into the re-plan: this amount in the week starting `weekStart`. */
  commitment: z
    .object({
      weekStart: ZIsoDate,
      amount: z
        .number({ error: "Enter a number" })
        .int("Whole numbers only")
        .min(0, "Cannot be negative")
        .max(MAX_STORED_AMOUNT, "That amount is too large"),
    })
    .optional(),
});
export type TReplanInput = z.infer<typeof ZReplanInput>;

export const ZApplyReplanInput = ZReplanInput.extend({
  version: z.number().int().min(1),
  reason: zText({ max: 280 }).optional(),
});
export type TApplyReplanInput = z.infer<typeof ZApplyReplanInput>;
