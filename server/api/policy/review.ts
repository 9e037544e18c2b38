/**
 * Who may call the weekly review procedures, declared where they are declared. Each builder checks one object and
 * puts what it loaded on the context for the service (the rules: server/services/review/load-review.ts,
 * server/services/team/permissions.ts):
 *
 * - startReviewProcedure   goalSubtreeProcedure("view") (server/api/policy/dashboard.ts: a published goal the caller
 *                          may see, with goal.get's rule, `ctx.goalPlan`; a subtree root they can see, `rootId`,
 *                          default their own node, `ctx.rootId`), then someone who leads a branch (`leadsBranch`:
 *                          the owner, a leader, a sponsor with a downline where the team lets sponsors lead): anyone
 *                          else who sees both is FORBIDDEN (after NOT_FOUND, never before).
 * - reviewProcedure        the review (`reviewId`) is rooted at the caller or in their downline (the owner: any),
 *                          else NOT_FOUND: `ctx.review`.
 * - closeReviewProcedure   someone who leads a branch (checked first: FORBIDDEN for anyone else), and
 *                          reviewProcedure's rule.
 * - commitmentProcedure    the member (`memberId`) is in the review (`reviewId`) and the caller can see them (themselves,
 *                          their downline; the owner: anyone), else NOT_FOUND: `ctx.review` (status and snapshot).
 */
import { z } from "zod";
import { teamProcedure } from "@/server/api/trpc";
import { ZId } from "@/server/schemas/common";
import { forbidden } from "@/server/errors";
import { loadReview, loadReviewForCommitment } from "@/server/services/review/load-review";
import { BRANCH_LEADERS } from "@/server/services/team/permissions";
import { goalSubtreeProcedure } from "./dashboard";

const ZReviewRef = z.object({ reviewId: ZId });

export const startReviewProcedure = goalSubtreeProcedure("view").use(({ ctx, next }) => {
  if (!ctx.scope.actor.leadsBranch) throw forbidden(`Only ${BRANCH_LEADERS} can run a weekly review.`);
  return next();
});

export const reviewProcedure = teamProcedure.input(ZReviewRef).use(async ({ ctx, input, next }) => {
  return next({ ctx: { review: await loadReview(ctx.db, ctx.scope.actor, input.reviewId) } });
});

export const closeReviewProcedure = teamProcedure.input(ZReviewRef).use(async ({ ctx, input, next }) => {
  if (!ctx.scope.actor.leadsBranch) throw forbidden(`Only ${BRANCH_LEADERS} can close a weekly review.`);
  return next({ ctx: { review: await loadReview(ctx.db, ctx.scope.actor, input.reviewId) } });
});

export const commitmentProcedure = teamProcedure
  .input(z.object({ reviewId: ZId, memberId: ZId }))
  .use(async ({ ctx, input, next }) => {
    return next({ ctx: { review: await loadReviewForCommitment(ctx.db, ctx.scope.actor, input) } });
  });
