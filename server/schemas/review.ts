import { z } from "zod";
import { ZId, zText } from "./common";

export const ZStartReviewInput = z.object({ goalId: ZId, rootId: ZId.optional() });
export type TStartReviewInput = z.infer<typeof ZStartReviewInput>;

export const ZReviewIdInput = z.object({ reviewId: ZId });

export const ZSaveCommitmentInput = z.object({
  reviewId: ZId,
  memberId: ZId,
  text: zText({ min: 1, max: 280, multiline: true, minMessage: "Write what you commit to" }),
  amount: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
});
export type TSaveCommitmentInput = z.infer<typeof ZSaveCommitmentInput>;

/** A member's own commitment, before or during the meeting: for this week or the next (team calendar). */
export const ZCommitmentWeek = z.enum(["this", "next"]);
export const ZSaveMyCommitmentInput = z.object({
  week: ZCommitmentWeek,
  text: zText({ min: 1, max: 280, multiline: true, minMessage: "Write what you commit to" }),
  amount: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
});
export type TSaveMyCommitmentInput = z.infer<typeof ZSaveMyCommitmentInput>;
