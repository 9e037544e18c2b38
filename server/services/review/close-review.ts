/**
 * Closes an open review: the commitments for next week are copied into the snapshot (so reopening it later shows
 * what was agreed), then a weekly digest goes to each leader of the subtree (and its root) with the scoreboard and
 * the commitments (server/mail.ts: SMTP when configured, else the server log). Leaders and the owner only.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import { badRequest, forbidden } from "@/server/errors";
import { sendMail } from "@/server/mail";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { getReview } from "./get-review";
import { formatDigest } from "@/server/domain/format-digest";
import type { ReviewSnapshot } from "@/server/domain/review-snapshot";
import * as clock from "@/server/clock";

export async function closeReview(db: Db, args: { actor: ActorMembership; reviewId: string; teamName: string; currency: string }) {
  if (args.actor.role === "MEMBER") throw forbidden("Only the team owner and leaders can close a weekly review.");
  const review = await getReview(db, args);
  if (review.status !== "OPEN") throw badRequest("This review is already closed.");
  const snapshot: ReviewSnapshot = { ...review.snapshot, commitments: review.commitments };
  const leaderIds = snapshot.members.filter((m) => m.role === "LEADER" || m.role === "OWNER" || m.depth === 0).map((m) => m.id);

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

  const digest = formatDigest(snapshot, { teamName: args.teamName, currency: args.currency });
  let sent = 0;
  for (const leader of closed) {
    try {
      await sendMail({ to: leader.user.email, subject: digest.subject, text: `Hello ${leader.user.name},\n\n${digest.text}` });
      sent++;
    } catch (error) {
      console.error(`[review] digest to ${leader.user.email} failed`, error);
    }
  }
  if (sent > 0) await db.weeklyReview.update({ where: { id: review.id }, data: { digestSentAt: clock.now() } });
  return { id: review.id, status: "CLOSED" as const, digestsSent: sent };
}
