import {
  closeReviewProcedure,
  commitmentProcedure,
  reviewProcedure,
  startReviewProcedure,
} from "@/server/api/policy/review";
import { replicaReads, router, teamProcedure } from "@/server/api/trpc";
import {
  ZReviewIdInput,
  ZSaveCommitmentInput,
  ZSaveMyCommitmentInput,
  ZStartReviewInput,
} from "@/server/schemas/review";
import { closeReview } from "@/server/services/review/close-review";
import { getMyCommitments } from "@/server/services/review/get-my-commitments";
import { getReview } from "@/server/services/review/get-review";
import { listReviews } from "@/server/services/review/list-reviews";
import { saveCommitment } from "@/server/services/review/save-commitment";
import { saveMyCommitment } from "@/server/services/review/save-my-commitment";
import { startReview } from "@/server/services/review/start-review";

export const reviewRouter = router({
  // The list may lag a write by the replica's milliseconds; `get` reads the primary: the meeting re-reads it right
  // after a commitment is saved (read-your-writes, docs/SCALING.md).
  list: teamProcedure.use(replicaReads).query(({ ctx }) => listReviews(ctx.db, ctx.scope)),
  start: startReviewProcedure
    .input(ZStartReviewInput)
    .mutation(({ ctx }) => startReview(ctx.db, ctx.scope, { goal: ctx.goalPlan, rootId: ctx.rootId })),
  get: reviewProcedure.input(ZReviewIdInput).query(({ ctx }) => getReview(ctx.db, ctx.scope, { review: ctx.review })),
  saveCommitment: commitmentProcedure
    .input(ZSaveCommitmentInput)
    .mutation(({ ctx, input }) => saveCommitment(ctx.db, ctx.scope, { ...input, review: ctx.review })),
  myCommitments: teamProcedure.query(({ ctx }) => getMyCommitments(ctx.db, ctx.scope)),
  saveMyCommitment: teamProcedure
    .input(ZSaveMyCommitmentInput)
    .mutation(({ ctx, input }) => saveMyCommitment(ctx.db, ctx.scope, input)),
  close: closeReviewProcedure
    .input(ZReviewIdInput)
    .mutation(({ ctx }) => closeReview(ctx.db, ctx.scope, { review: ctx.review })),
});
