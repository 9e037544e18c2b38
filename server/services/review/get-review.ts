/**
 * A review to show in meeting mode: its snapshot, and the commitments for next week — live while it is open
 * (members may enter theirs during the meeting), from the snapshot once closed. The review comes loaded and checked
 * visible from `reviewProcedure` (server/api/policy/review.ts).
 */
import type { DbClient } from "@/server/db-client";
import { toDbDay } from "@/server/domain/db-day";
import type { TeamScope } from "@/server/services/team/scope";
import type { LoadedReview } from "./load-review";

export async function getReview(db: DbClient, scope: TeamScope, input: { review: LoadedReview }) {
  const { review } = input;
  const s = review.snapshot;
  let commitments = s.commitments ?? [];
  if (review.status === "OPEN") {
    const rows = await db.commitment.findMany({
      where: {
        teamId: scope.team.id,
        weekStart: toDbDay(s.nextWeekStart),
        membershipId: { in: s.members.map((m) => m.id) },
      },
      select: {
        membershipId: true,
        text: true,
        amount: true,
        enteredBy: { select: { user: { select: { name: true } } } },
      },
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
