import { z } from "zod";
import { ZId } from "./common";

export const ZStartReviewInput = z.object({ goalId: ZId, rootId: ZId.optional() });
export type TStartReviewInput = z.infer<typeof ZStartReviewInput>;

export const ZReviewIdInput = z.object({ reviewId: ZId });

export const ZSaveCommitmentInput = z.object({
  reviewId: ZId,
  memberId: ZId,
  text: z.string().trim().min(1, "Write what you commit to").max(280, "At most 280 characters"),
  amount: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
});
export type TSaveCommitmentInput = z.infer<typeof ZSaveCommitmentInput>;

/** A member's own commitment, before or during the meeting: for this week or the next (team calendar). */
export const ZCommitmentWeek = z.enum(["this", "next"]);
export const ZSaveMyCommitmentInput = z.object({
  week: ZCommitmentWeek,
  text: z.string().trim().min(1, "Write what you commit to").max(280, "At most 280 characters"),
  amount: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
});
export type TSaveMyCommitmentInput = z.infer<typeof ZSaveMyCommitmentInput>;
