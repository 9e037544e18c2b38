/**
 * Closes an open review: the commitments for next week are copied into the snapshot (so reopening it later shows
 * what was agreed), then a weekly digest goes to each leader of the subtree (and its root) with the scoreboard and
 * the commitments — the weekly digest's template (server/mail/templates/weekly-digest.tsx, HTML + text, one-click
 * unsubscribe), to those who get WEEKLY_DIGEST by email (`channelEnabled`) — through server/mail.ts (SMTP when
 * configured, else the server log). Leaders and the owner only, of a review they can see (`closeReviewProcedure`,
 * server/api/policy/review.ts).
 */
import { createElement } from "react";
import { env } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import * as clock from "@/server/clock";
import type { Db } from "@/server/db-client";
import { formatDigest } from "@/server/domain/format-digest";
import { localeOf } from "@/server/domain/locale";
import { channelEnabled } from "@/server/domain/notification-kinds";
import type { ReviewSnapshot } from "@/server/domain/review-snapshot";
import { badRequest } from "@/server/errors";
import { sendMail } from "@/server/mail";
import { formatMailDay } from "@/server/mail/format";
import { listUnsubscribe } from "@/server/mail/list-unsubscribe";
import { renderHtml } from "@/server/mail/render";
import { WeeklyDigest, weeklyDigestText } from "@/server/mail/templates/weekly-digest";
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
      select: {
        id: true,
        user: {
          select: {
            id: true,
            email: true,
            name: true,
            locale: true,
            notificationPreferences: { where: { kind: "WEEKLY_DIGEST", channel: "EMAIL" }, select: { enabled: true } },
          },
        },
      },
    });
  });

  const { team } = scope;
  const appUrl = (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  let sent = 0;
  for (const leader of closed) {
    if (!channelEnabled("WEEKLY_DIGEST", "EMAIL", leader.user.notificationPreferences[0]?.enabled)) continue;
    const locale = localeOf(leader.user.locale);
    const digest = formatDigest(snapshot, {
      teamName: team.name,
      currency: team.currency,
      locale,
      day: (iso) => formatMailDay(iso, locale),
    });
    try {
      const unsubscribe = listUnsubscribe({
        appUrl,
        userId: leader.user.id,
        kind: "WEEKLY_DIGEST",
        teamSlug: team.slug,
      });
      const props = {
        greetingName: leader.user.name,
        teamName: team.name,
        snapshot,
        locale,
        currency: team.currency,
        proposalsWaiting: null,
        dashboardUrl: `${appUrl}/${team.slug}/review/${review.id}`,
        proposalsUrl: `${appUrl}/${team.slug}/plan`,
        footer: {
          reason: `You get this digest because a weekly review of your branch in ${team.name} was closed.`,
          unsubscribeUrl: unsubscribe.url,
          settingsUrl: `${appUrl}/${team.slug}/profile#notifications`,
        },
      };
      await sendMail({
        to: leader.user.email,
        subject: digest.subject,
        text: weeklyDigestText(props, digest.text),
        html: await renderHtml(createElement(WeeklyDigest, props)),
        headers: unsubscribe.headers,
      });
      sent++;
    } catch (error) {
      console.error(`[review] digest to ${leader.user.email} failed`, error);
    }
  }
  if (sent > 0) await db.weeklyReview.update({ where: { id: review.id }, data: { digestSentAt: clock.now() } });
  return { id: review.id, status: "CLOSED" as const, digestsSent: sent };
}
