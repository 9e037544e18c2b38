/**
 * A review to show in meeting mode: its snapshot, and the commitments for next week — live while it is open
 * (members may enter theirs during the meeting), from the snapshot once closed.
 */
import type { DbClient } from "@/server/db-client";

import type { ActorMembership } from "@/server/services/team/load-team-access";
import { loadReview } from "./load-review";
import { toDbDay } from "@/server/domain/db-day";

export async function getReview(db: DbClient, args: { actor: ActorMembership; reviewId: string }) {
  const review = await loadReview(db, args);
  const s = review.snapshot;
  let commitments = s.commitments ?? [];
  if (review.status === "OPEN") {
    const rows = await db.commitment.findMany({
      where: { teamId: args.actor.teamId, weekStart: toDbDay(s.nextWeekStart), membershipId: { in: s.members.map((m) => m.id) } },
      select: { membershipId: true, text: true, amount: true, enteredBy: { select: { user: { select: { name: true } } } } },
    });
    const names = new Map(s.members.map((m) => [m.id, m.name]));
    commitments = rows.map((c) => ({
      memberId: c.membershipId,
      name: names.get(c.membershipId) ?? "",
      text: c.text,
      amount: c.amount,
      enteredBy: c.enteredBy.user.name,
    }));
  }
  return {
    id: review.id,
    status: review.status,
    closedAt: review.closedAt,
    digestSentAt: review.digestSentAt,
    canEditCommitments: review.status === "OPEN",
    snapshot: s,
    commitments,
  };
}
