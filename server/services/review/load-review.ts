/** Loads a review the actor may see (its root is the actor or in the actor's subtree; the owner: any). */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import { canView } from "@/server/services/team/permissions";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import type { ReviewSnapshot } from "@/server/domain/review-snapshot";

export async function loadReview(db: DbClient, args: { actor: ActorMembership; reviewId: string }) {
  const review = await db.weeklyReview.findFirst({
    where: { id: args.reviewId, teamId: args.actor.teamId },
    select: { id: true, status: true, weekStart: true, rootMembershipId: true, snapshot: true, closedAt: true, digestSentAt: true, createdAt: true },
  });
  if (!review || !(await canView(db, args.actor, review.rootMembershipId))) throw notFound("Review");
  return { ...review, snapshot: review.snapshot as unknown as ReviewSnapshot };
}
