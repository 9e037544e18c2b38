import { router, teamProcedure } from "@/server/api/trpc";
import { ZReviewIdInput, ZSaveCommitmentInput, ZSaveMyCommitmentInput, ZStartReviewInput } from "@/server/schemas/review";
import { closeReview } from "@/server/services/review/close-review";
import { getMyCommitments } from "@/server/services/review/get-my-commitments";
import { getReview } from "@/server/services/review/get-review";
import { listReviews } from "@/server/services/review/list-reviews";
import { saveCommitment } from "@/server/services/review/save-commitment";
import { saveMyCommitment } from "@/server/services/review/save-my-commitment";
import { startReview } from "@/server/services/review/start-review";

export const reviewRouter = router({
  list: teamProcedure.query(({ ctx }) => listReviews(ctx.db, { actor: ctx.membership })),
  start: teamProcedure
    .input(ZStartReviewInput)
    .mutation(({ ctx, input }) => startReview(ctx.db, { actor: ctx.membership, team: ctx.team, ...input })),
  get: teamProcedure
    .input(ZReviewIdInput)
    .query(({ ctx, input }) => getReview(ctx.db, { actor: ctx.membership, reviewId: input.reviewId })),
  saveCommitment: teamProcedure
    .input(ZSaveCommitmentInput)
    .mutation(({ ctx, input }) => saveCommitment(ctx.db, { actor: ctx.membership, input })),
  myCommitments: teamProcedure.query(({ ctx }) => getMyCommitments(ctx.db, { actor: ctx.membership, team: ctx.team })),
  saveMyCommitment: teamProcedure
    .input(ZSaveMyCommitmentInput)
    .mutation(({ ctx, input }) => saveMyCommitment(ctx.db, { actor: ctx.membership, team: ctx.team, input })),
  close: teamProcedure.input(ZReviewIdInput).mutation(({ ctx, input }) =>
    closeReview(ctx.db, {
      actor: ctx.membership,
      reviewId: input.reviewId,
      teamName: ctx.team.name,
      currency: ctx.team.currency,
    }),
  ),
});
