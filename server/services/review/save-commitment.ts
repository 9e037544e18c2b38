/**
 * A member's commitment for the week after a review, entered by the member themselves or by someone above them
 * (an upline, the owner). `commitmentProcedure` (server/api/policy/review.ts) has checked that the actor can see
 * the member and that the member is in the review. Only while the review is open. Upserts per member and week.
 */
import type { DbClient } from "@/server/db-client";
import { toDbDay } from "@/server/domain/db-day";
import { badRequest } from "@/server/errors";
import type { TSaveCommitmentInput } from "@/server/schemas/review";
import type { TeamScope } from "@/server/services/team/scope";
import type { CommitmentReview } from "./load-review";

export async function saveCommitment(
  db: DbClient,
  scope: TeamScope,
  input: TSaveCommitmentInput & { review: CommitmentReview },
) {
  const { actor } = scope;
  if (input.review.status !== "OPEN") throw badRequest("This review is closed; its commitments can no longer change.");
  const weekStart = toDbDay(input.review.snapshot.nextWeekStart);
  return db.commitment.upsert({
    where: { membershipId_weekStart: { membershipId: input.memberId, weekStart } },
    create: {
      teamId: scope.team.id,
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
