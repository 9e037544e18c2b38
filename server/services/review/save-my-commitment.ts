/**
 * A member enters their own commitment for this week or next week (as of the team's today), before or during the
 * weekly review, without needing access to the review itself (a review is rooted at their upline, whom they cannot
 * open). An open review that includes them shows it live (get-review.ts reads commitments by member and week); a
 * closed review keeps the copy it froze. Any role, only for themselves. Upserts per member and week.
 */
import type { DbClient } from "@/server/db-client";
import { toDbDay } from "@/server/domain/db-day";
import { commitmentWeeks } from "@/server/domain/review-week";
import type { TSaveMyCommitmentInput } from "@/server/schemas/review";
import type { TeamScope } from "@/server/services/team/scope";

export async function saveMyCommitment(db: DbClient, scope: TeamScope, input: TSaveMyCommitmentInput) {
  const { actor } = scope;
  const weekStart = commitmentWeeks(scope.today, scope.team.weekStartsOn)[input.week];
  const saved = await db.commitment.upsert({
    where: { membershipId_weekStart: { membershipId: actor.id, weekStart: toDbDay(weekStart) } },
    create: {
      teamId: scope.team.id,
      membershipId: actor.id,
      weekStart: toDbDay(weekStart),
      text: input.text,
      amount: input.amount ?? null,
      enteredById: actor.id,
    },
    update: { text: input.text, amount: input.amount ?? null, enteredById: actor.id },
    select: { text: true, amount: true },
  });
  return { week: input.week, weekStart, ...saved };
}
