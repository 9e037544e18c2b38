/**
 * The review rules (the procedure builders of server/api/policy/review.ts call these, so services receive a review
 * the actor may see):
 * - a review is visible when its root is the actor or in the actor's subtree (the owner: any), else NOT_FOUND;
 * - a commitment may be entered for a member of the review whom the actor can see (themselves, their downline; the
 *   owner: anyone), else NOT_FOUND "Member" (also for a review that does not exist).
 */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import type { ReviewSnapshot } from "@/server/domain/review-snapshot";
import { canView } from "@/server/services/team/permissions";
import type { ActorMembership } from "@/server/services/team/scope";

export async function loadReview(db: DbClient, actor: ActorMembership, reviewId: string) {
  const review = await db.weeklyReview.findFirst({
    where: { id: reviewId, teamId: actor.teamId },
    select: {
      id: true,
      status: true,
      weekStart: true,
      rootMembershipId: true,
      snapshot: true,
      closedAt: true,
      digestSentAt: true,
      createdAt: true,
    },
  });
  if (!review || !(await canView(db, actor, review.rootMembershipId))) throw notFound("Review");
  return { ...review, snapshot: review.snapshot as unknown as ReviewSnapshot };
}

export type LoadedReview = Awaited<ReturnType<typeof loadReview>>;

/** The review a commitment is entered in, when `memberId` is in it and visible to the actor. */
export async function loadReviewForCommitment(
  db: DbClient,
  actor: ActorMembership,
  input: { reviewId: string; memberId: string },
) {
  const review = await db.weeklyReview.findFirst({
    where: { id: input.reviewId, teamId: actor.teamId },
    select: { status: true, snapshot: true },
  });
  const snapshot = review?.snapshot as unknown as ReviewSnapshot | undefined;
  if (
    !review ||
    !snapshot?.members.some((m) => m.id === input.memberId) ||
    !(await canView(db, actor, input.memberId))
  ) {
    throw notFound("Member");
  }
  return { status: review.status, snapshot };
}

export type CommitmentReview = Awaited<ReturnType<typeof loadReviewForCommitment>>;
