/**
 * A member enters their own commitment for this week or next week, before or during the weekly review, without
 * needing access to the review itself (a review is rooted at their upline, whom they cannot open). An open review
 * that includes them shows it live (get-review.ts reads commitments by member and week); a closed review keeps the
 * copy it froze. Any role, only for themselves. Upserts per member and week.
 */
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import type { TSaveMyCommitmentInput } from "@/server/schemas/review";

import type { ActorMembership } from "@/server/services/team/load-team-access";
import { commitmentWeeks } from "./commitment-weeks";
import { toDbDay } from "@/server/domain/db-day";

export async function saveMyCommitment(
  db: DbClient,
  args: { actor: ActorMembership; team: { timeZone: string; weekStartsOn: number }; input: TSaveMyCommitmentInput; today?: IsoDate },
) {
  const { actor, input } = args;
  const weekStart = commitmentWeeks(args.team, args.today)[input.week];
  const saved = await db.commitment.upsert({
    where: { membershipId_weekStart: { membershipId: actor.id, weekStart: toDbDay(weekStart) } },
    create: { teamId: actor.teamId, membershipId: actor.id, weekStart: toDbDay(weekStart), text: input.text, amount: input.amount ?? null, enteredById: actor.id },
    update: { text: input.text, amount: input.amount ?? null, enteredById: actor.id },
    select: { text: true, amount: true },
  });
  return { week: input.week, weekStart, ...saved };
}
