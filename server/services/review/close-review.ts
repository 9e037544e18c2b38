/**
 * Closes an open review: the commitments for next week are copied into the snapshot (so reopening it later shows
 * what was agreed), then a weekly digest goes to each leader of the subtree (and its root) with the scoreboard and
 * the commitments (server/mail.ts: SMTP when configured, else the server log). Leaders and the owner only, of a
 * review they can see (`closeReviewProcedure`, server/api/policy/review.ts).
 */
import type { Prisma } from "@/generated/prisma/client";
import * as clock from "@/server/clock";
import type { Db } from "@/server/db-client";
import { formatDigest } from "@/server/domain/format-digest";
import type { ReviewSnapshot } from "@/server/domain/review-snapshot";
import { badRequest } from "@/server/errors";
import { sendMail } from "@/server/mail";
import type { TeamScope } from "@/server/services/team/scope";
import { getReview } from "./get-review";
import type { LoadedReview } from "./load-review";

export async function closeReview(db: Db, scope: TeamScope, input: { review: LoadedReview }) {
  const review = await getReview(db, scope, input);
  if (review.status !== "OPEN") throw badRequest("This review is already closed.");
  const snapshot: ReviewSnapshot = { ...review.snapshot, commitments: review.commitments };
  const leaderIds = snapshot.members
    .filter((m) => m.role === "LEADER" || m.role === "OWNER" || m.depth === 0)
    .map((m) => m.id);

  const closed = await db.$transaction(async (tx) => {
    const updated = await tx.weeklyReview.updateMany({
      where: { id: review.id, status: "OPEN" },
      data: { status: "CLOSED", closedAt: clock.now(), snapshot: snapshot as unknown as Prisma.InputJsonValue },
    });
    if (updated.count === 0) throw badRequest("This review is already closed.");
    return tx.membership.findMany({
      where: { id: { in: leaderIds }, status: "ACTIVE" },
      select: { user: { select: { email: true, name: true } } },
    });
  });

  const digest = formatDigest(snapshot, { teamName: scope.team.name, currency: scope.team.currency });
  let sent = 0;
  for (const leader of closed) {
    try {
      await sendMail({
        to: leader.user.email,
        subject: digest.subject,
        text: `Hello ${leader.user.name},\n\n${digest.text}`,
      });
      sent++;
    } catch (error) {
      console.error(`[review] digest to ${leader.user.email} failed`, error);
    }
  }
  if (sent > 0) await db.weeklyReview.update({ where: { id: review.id }, data: { digestSentAt: clock.now() } });
  return { id: review.id, status: "CLOSED" as const, digestsSent: sent };
}
