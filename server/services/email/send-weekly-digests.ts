/**
 * The weekly digest (the `digest.weekly` job, hourly: weekly-digest.job.ts). For each team, once it is the team's
 * week-start morning (07:00 or later on its first weekday, in the team's zone) and not yet sent for that week, every
 * member who leads a branch — the owner, leaders, and sponsors with a downline where the team lets them lead (the rule
 * of `leadsBranch`, server/queries/team.ts readTeamAccess) — gets ONE email about their branch:
 * - the branch's numbers for the last completed week and the goal to date vs expected, with pace words, forecast and
 *   catch-up: the dashboard's own roll-up (`getRollup`, period "week", seen on the week's last day, as the weekly
 *   review takes it), so the digest says exactly what the dashboard and the review say;
 * - who in the branch is off pace, with their catch-up; the wins of the week; target proposals waiting.
 * The goal is the team's main goal, else the running goal with the nearest deadline.
 *
 * Set-based: per team ONE roll-up of the whole team (each branch is a subtree of it), one read of the week's
 * victories, one of pending proposals, one of preferences and one of the markers — never one per upline.
 *
 * Idempotent per (membership, week): a `DigestSent` row is claimed before the mail goes (its primary key refuses a
 * second claim, from a rerun or another worker) and deleted again if the mail fails, so the next hour retries.
 * The WEEKLY_DIGEST email preference is checked before every send (`channelEnabled`).
 */
import { createElement } from "react";
import { env } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import * as clock from "@/server/clock";
import type { Db } from "@/server/db-client";
import { addDays, dayOfWeek, isoDateInTimeZone, type IsoDate } from "@/server/domain/calendar";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import { localeOf } from "@/server/domain/locale";
import { hourInTimeZone } from "@/server/domain/zoned-time";
import { formatDigest } from "@/server/domain/format-digest";
import { channelEnabled } from "@/server/domain/notification-kinds";
import { commitmentWeekStart, reviewWeek } from "@/server/domain/review-week";
import { sendMail } from "@/server/mail";
import { formatMailDay } from "@/server/mail/format";
import { listUnsubscribe } from "@/server/mail/list-unsubscribe";
import { renderHtml } from "@/server/mail/render";
import { WeeklyDigest, weeklyDigestSubject, weeklyDigestText } from "@/server/mail/templates/weekly-digest";
import { inBranch, indexBranches } from "@/server/domain/branch-view";
import { victoriesInSubtree } from "@/server/queries/dashboard";
import { mainGoalId } from "@/server/services/goal/main-goal";
import { getRollup } from "@/server/services/progress/get-rollup";
import { loadGoalPlan } from "@/server/services/progress/load-goal-plan";
import type { Mailer } from "@/server/services/reminder/send-due-reminders";
import { branchSnapshot } from "@/server/services/review/branch-snapshot";
import { loadTeamScope } from "@/server/services/team/scope";

/** The local hour from which a team's week-start digest goes. */
export const DIGEST_HOUR = 7;

export interface DigestRun {
  /** Teams whose week-start morning it was. */
  teams: number;
  sent: number;
  failed: number;
}

export async function sendWeeklyDigests(
  db: Db,
  args: { mailer?: Mailer; appUrl?: string; teamIds?: string[] } = {},
): Promise<DigestRun> {
  // "Now" is the clock's (the roll-up's today is too): tests pin it (tests/setup/pin-clock.ts).
  const now = clock.now();
  const mailer = args.mailer ?? sendMail;
  const appUrl = (args.appUrl ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const teams = await db.team.findMany({
    where: args.teamIds ? { id: { in: args.teamIds } } : {},
    select: { id: true, timeZone: true, weekStartsOn: true },
  });
  const run: DigestRun = { teams: 0, sent: 0, failed: 0 };
  for (const team of teams) {
    const local = localTime(now, team.timeZone);
    if (dayOfWeek(local.day) !== team.weekStartsOn || local.hour < DIGEST_HOUR) continue;
    run.teams++;
    try {
      const done = await sendTeamDigests(db, { teamId: team.id, weekStart: local.day, mailer, appUrl });
      run.sent += done.sent;
      run.failed += done.failed;
    } catch (error) {
      run.failed++;
      console.error(`[digest] team ${team.id} failed`, error);
    }
  }
  return run;
}

/** The day and hour at `now` in a zone. */
function localTime(now: Date, timeZone: string): { day: IsoDate; hour: number } {
  return { day: isoDateInTimeZone(now.getTime(), timeZone), hour: hourInTimeZone(now.getTime(), timeZone) };
}

async function sendTeamDigests(
  db: Db,
  args: { teamId: string; weekStart: IsoDate; mailer: Mailer; appUrl: string },
): Promise<{ sent: number; failed: number }> {
  const { teamId, weekStart, mailer, appUrl } = args;
  const members = await db.membership.findMany({
    where: { teamId, status: "ACTIVE" },
    select: {
      id: true,
      parentId: true,
      role: true,
      userId: true,
      user: { select: { email: true, name: true, locale: true } },
    },
  });
  const owner = members.find((m) => m.parentId === null);
  if (!owner) return { sent: 0, failed: 0 };
  const scope = await loadTeamScope(db, { teamId, userId: owner.userId });
  const { team } = scope;

  // Who leads a branch: the rule of readTeamAccess's `leadsBranch` (server/queries/team.ts), for everyone at once.
  const sponsorsLead = (
    await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { sponsorsLeadBranches: true } })
  ).sponsorsLeadBranches;
  const withChildren = new Set(members.map((m) => m.parentId).filter((id): id is string => id !== null));
  const uplines = members.filter((m) => m.role !== "MEMBER" || (sponsorsLead && withChildren.has(m.id)));
  if (uplines.length === 0) return { sent: 0, failed: 0 };

  const [sentBefore, preferences] = await Promise.all([
    db.digestSent.findMany({
      where: { membershipId: { in: uplines.map((u) => u.id) }, weekStart: toDbDay(weekStart) },
      select: { membershipId: true },
    }),
    db.notificationPreference.findMany({
      where: { userId: { in: uplines.map((u) => u.userId) }, kind: "WEEKLY_DIGEST", channel: "EMAIL" },
      select: { userId: true, enabled: true },
    }),
  ]);
  const already = new Set(sentBefore.map((s) => s.membershipId));
  const stored = new Map(preferences.map((p) => [p.userId, p.enabled]));
  const due = uplines.filter(
    (u) => !already.has(u.id) && channelEnabled("WEEKLY_DIGEST", "EMAIL", stored.get(u.userId)),
  );
  if (due.length === 0) return { sent: 0, failed: 0 };

  const goalId = await digestGoalId(db, teamId, scope.today);
  if (!goalId) return { sent: 0, failed: 0 };
  const goal = await loadGoalPlan(db, scope, { goalId });
  const reviewed = reviewWeek({
    today: scope.today,
    start: toIsoDay(goal.goal.startDate),
    deadline: toIsoDay(goal.goal.deadline),
    weekStartsOn: team.weekStartsOn,
  });
  if (!reviewed) return { sent: 0, failed: 0 };

  // ONE roll-up of the whole team for the week, as the dashboard and the review compute it; branches are its subtrees.
  const [rollup, wins, pending] = await Promise.all([
    getRollup(db, scope, { goal, period: "week", rootId: owner.id, viewDay: reviewed.asOf }),
    victoriesInSubtree(db, {
      teamId,
      rootId: owner.id,
      viewerId: owner.id,
      limit: 1000,
      from: reviewed.week.from,
      to: reviewed.week.to,
    }),
    db.targetProposal.findMany({ where: { teamId, status: "PENDING" }, select: { membershipId: true } }),
  ]);
  // Indexed once: each upline's branch is then a range of it (their own size to read, never the team's).
  const index = indexBranches(rollup.rows);
  const nextWeekStart = commitmentWeekStart(scope.today, team.weekStartsOn, reviewed.week);

  let sent = 0;
  let failed = 0;
  for (const upline of due) {
    if (!index.position.has(upline.id)) continue; // not in this goal's tree
    const snapshot = branchSnapshot({
      rollup,
      index,
      rootId: upline.id,
      reviewed,
      nextWeekStart,
      wins,
      withMembers: false,
    });
    const proposalsWaiting = pending.filter(
      (p) => p.membershipId !== upline.id && inBranch(index, upline.id, p.membershipId),
    ).length;
    if (!(await claim(db, upline.id, weekStart))) continue;
    const locale = localeOf(upline.user.locale);
    try {
      const unsubscribe = listUnsubscribe({
        appUrl,
        userId: upline.userId,
        kind: "WEEKLY_DIGEST",
        teamSlug: team.slug,
      });
      const props = {
        greetingName: upline.user.name.split(" ")[0] || upline.user.name,
        teamName: team.name,
        snapshot,
        locale,
        currency: team.currency,
        proposalsWaiting,
        dashboardUrl: `${appUrl}/${team.slug}/dashboard?root=${encodeURIComponent(upline.id)}`,
        proposalsUrl: `${appUrl}/${team.slug}/plan`,
        footer: {
          reason: `You get this digest every week because you lead a branch in ${team.name}.`,
          unsubscribeUrl: unsubscribe.url,
          settingsUrl: `${appUrl}/${team.slug}/profile#notifications`,
        },
      };
      const text = formatDigest(snapshot, {
        teamName: team.name,
        currency: team.currency,
        locale,
        kind: "digest",
        day: (iso) => formatMailDay(iso, locale),
      }).text;
      await mailer({
        to: upline.user.email,
        subject: weeklyDigestSubject(snapshot, locale),
        text: weeklyDigestText(props, text),
        html: await renderHtml(createElement(WeeklyDigest, props)),
        headers: unsubscribe.headers,
      });
      sent++;
    } catch (error) {
      failed++;
      console.error(`[digest] could not email membership ${upline.id}`, error);
      await db.digestSent.deleteMany({ where: { membershipId: upline.id, weekStart: toDbDay(weekStart) } });
    }
  }
  return { sent, failed };
}

/** The team's main goal, else the published goal running today with the nearest deadline. */
async function digestGoalId(db: Db, teamId: string, today: IsoDate): Promise<string | null> {
  const main = await mainGoalId(db, teamId);
  if (main) return main;
  const running = await db.goal.findFirst({
    // Running today, or ended within the last week (its last week still has a digest).
    where: {
      teamId,
      status: "PUBLISHED",
      startDate: { lte: toDbDay(today) },
      deadline: { gte: toDbDay(addDays(today, -7)) },
    },
    orderBy: [{ deadline: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return running?.id ?? null;
}

/** Claims the (membership, week) marker; false when it was already claimed (a rerun, another worker). */
async function claim(db: Db, membershipId: string, weekStart: IsoDate): Promise<boolean> {
  try {
    await db.digestSent.create({ data: { membershipId, weekStart: toDbDay(weekStart) } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}
