/**
 * Who may call the weekly review procedures, declared where they are declared. Each builder checks one object and
 * puts what it loaded on the context for the service (the rules: server/services/review/load-review.ts,
 * server/services/team/permissions.ts):
 *
 * - startReviewProcedure   the owner or a leader (FORBIDDEN for a member), a published goal (`goalId`, `ctx.goal`)
 *                          and a subtree root they can see (`rootId`, default their own node; `ctx.rootId`).
 * - reviewProcedure        the review (`reviewId`) is rooted at the caller or in their downline (the owner: any),
 *                          else NOT_FOUND: `ctx.review`.
 * - closeReviewProcedure   the owner or a leader (checked first: FORBIDDEN for a member), and reviewProcedure's rule.
 * - commitmentProcedure    the member (`memberId`) is in the review (`reviewId`) and the caller can see them (themselves,
 *                          their downline; the owner: anyone), else NOT_FOUND: `ctx.review` (status and snapshot).
 */
import { z } from "zod";
import { roleProcedure, teamProcedure } from "@/server/api/trpc";
import { ZId } from "@/server/schemas/common";
import { loadGoalPlan } from "@/server/services/progress/load-goal-plan";
import { loadReview, loadReviewForCommitment } from "@/server/services/review/load-review";
import { checkedRoot } from "./dashboard";

const ZReviewRef = z.object({ reviewId: ZId });

export const startReviewProcedure = roleProcedure(
  ["OWNER", "LEADER"],
  "Only the team owner and leaders can run a weekly review.",
)
  .input(z.object({ goalId: ZId, rootId: ZId.optional() }))
  .use(async ({ ctx, input, next }) => {
    const goal = await loadGoalPlan(ctx.db, ctx.scope, { goalId: input.goalId });
    return next({ ctx: { goal, rootId: await checkedRoot(ctx, input.rootId) } });
  });

export const reviewProcedure = teamProcedure.input(ZReviewRef).use(async ({ ctx, input, next }) => {
  return next({ ctx: { review: await loadReview(ctx.db, ctx.scope.actor, input.reviewId) } });
});

export const closeReviewProcedure = roleProcedure(
  ["OWNER", "LEADER"],
  "Only the team owner and leaders can close a weekly review.",
)
  .input(ZReviewRef)
  .use(async ({ ctx, input, next }) => {
    return next({ ctx: { review: await loadReview(ctx.db, ctx.scope.actor, input.reviewId) } });
  });

export const commitmentProcedure = teamProcedure
  .input(z.object({ reviewId: ZId, memberId: ZId }))
  .use(async ({ ctx, input, next }) => {
    return next({ ctx: { review: await loadReviewForCommitment(ctx.db, ctx.scope.actor, input) } });
  });
