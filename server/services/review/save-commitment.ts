/**
 * A member's commitment for the week after a review, entered by the member themselves or by someone above them
 * (an upline, the owner): the actor must be able to see the member, and the member must be in the review. Only
 * while the review is open. Upserts per member and week.
 */
import type { DbClient } from "@/server/db-client";
import { badRequest, notFound } from "@/server/errors";
import type { TSaveCommitmentInput } from "@/server/schemas/review";

import { canView } from "@/server/services/team/permissions";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import type { ReviewSnapshot } from "@/server/domain/review-snapshot";
import { toDbDay } from "@/server/domain/db-day";

export async function saveCommitment(db: DbClient, args: { actor: ActorMembership; input: TSaveCommitmentInput }) {
  const { actor, input } = args;
  const review = await db.weeklyReview.findFirst({
    where: { id: input.reviewId, teamId: actor.teamId },
    select: { status: true, snapshot: true },
  });
  const snapshot = review?.snapshot as unknown as ReviewSnapshot | undefined;
  if (!review || !snapshot?.members.some((m) => m.id === input.memberId) || !(await canView(db, actor, input.memberId))) {
    throw notFound("Member");
  }
  if (review.status !== "OPEN") throw badRequest("This review is closed; its commitments can no longer change.");
  const weekStart = toDbDay(snapshot.nextWeekStart);
  return db.commitment.upsert({
    where: { membershipId_weekStart: { membershipId: input.memberId, weekStart } },
    create: {
      teamId: actor.teamId,
      membershipId: input.memberId,
      weekStart,
      text: input.text,
      amount: input.amount ?? null,
      enteredById: actor.id,
    },
    update: { text: input.text, amount: input.amount ?? null, enteredById: actor.id },
    select: { id: true, membershipId: true, text: true, amount: true },
  });
}
