/**
 * Who may call the weekly review procedures, declared where they are declared. Each builder checks one object and
 * puts what it loaded on the context for the service (the rules: server/services/review/load-review.ts,
 * server/services/team/permissions.ts):
 *
 * - startReviewProcedure   goalSubtreeProcedure("view") (server/api/policy/dashboard.ts: a published goal the caller
 *                          may see, with goal.get's rule, `ctx.goalPlan`; a subtree root they can see, `rootId`,
 *                          default their own node, `ctx.rootId`), then the owner or a leader: a member who sees both
 *                          is FORBIDDEN (after NOT_FOUND, never before).
 * - reviewProcedure        the review (`reviewId`) is rooted at the caller or in their downline (the owner: any),
 *                          else NOT_FOUND: `ctx.review`.
 * - closeReviewProcedure   the owner or a leader (checked first: FORBIDDEN for a member), and reviewProcedure's rule.
 * - commitmentProcedure    the member (`memberId`) is in the review (`reviewId`) and the caller can see them (themselves,
 *                          their downline; the owner: anyone), else NOT_FOUND: `ctx.review` (status and snapshot).
 */
import { z } from "zod";
import { roleProcedure, teamProcedure } from "@/server/api/trpc";
import { ZId } from "@/server/schemas/common";
import { forbidden } from "@/server/errors";
import { loadReview, loadReviewForCommitment } from "@/server/services/review/load-review";
import type { Role } from "@/generated/prisma/enums";
import { goalSubtreeProcedure } from "./dashboard";

const REVIEW_LEADERS: readonly Role[] = ["OWNER", "LEADER"];

const ZReviewRef = z.object({ reviewId: ZId });

export const startReviewProcedure = goalSubtreeProcedure("view").use(({ ctx, next }) => {
  if (!REVIEW_LEADERS.includes(ctx.scope.actor.role))
    throw forbidden("Only the team owner and leaders can run a weekly review.");
  return next();
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
