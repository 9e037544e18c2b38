/**
 * Sends the daily "time to log" reminders that are due at `now` (the `reminders.tick` job, every 5 minutes:
 * reminders.job.ts). A member is due when, where they live (their own time zone, else the team's):
 * - their reminder time has passed today,
 * - today is an open day for them: one of the team's working weekdays, not a team holiday, not one of their days off
 *   (the rest-day rule of WorkCalendar, read for every due member at once inside the claim's one statement),
 * - they have logged nothing for that day and were not reminded that day (at most one a member-local day),
 * - and they get DAILY_REMINDER by email (`channelEnabled`, server/domain/notification-kinds.ts; one read for all).
 *
 * Members are claimed and marked (`reminderSentOn` = their member-local day) by ONE statement, so two runs at the
 * same time never email anyone twice; if a mail cannot be sent the mark is put back, so the next run retries.
 *
 * The mail (server/mail/templates/daily-reminder.tsx, HTML + text) says today's plan — the member's actions for
 * today as the Log computes them (its one context query per member), else what is left of the main goal — and how
 * many follow-ups of their names list are due (one count for all), in the member's locale and the team's currency,
 * with a one-click unsubscribe (List-Unsubscribe, RFC 8058).
 */
import { createElement } from "react";
import { env } from "@/env";
import type { Db } from "@/server/db-client";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";
import { localeOf } from "@/server/domain/locale";
import { formatAmount } from "@/server/domain/money";
import { channelEnabled } from "@/server/domain/notification-kinds";
import { sendMail, type Mail } from "@/server/mail";
import { formatMailDay } from "@/server/mail/format";
import { listUnsubscribe } from "@/server/mail/list-unsubscribe";
import { renderHtml } from "@/server/mail/render";
import {
  DailyReminder,
  dailyReminderText,
  reminderSubject,
  type DailyReminderProps,
} from "@/server/mail/templates/daily-reminder";
import * as clock from "@/server/clock";
import { loadLogContext, mainGoalFrom, todayActionsFrom } from "@/server/services/entry/log-context";
import { claimDueReminders, type DueReminderRow } from "@/server/queries/reminder";

export type Mailer = (mail: Mail) => Promise<unknown>;

export interface ReminderRun {
  sent: number;
  failed: number;
}

export async function sendDueReminders(
  db: Db,
  args: { now?: Date; mailer?: Mailer; appUrl?: string; limit?: number } = {},
): Promise<ReminderRun> {
  const now = args.now ?? clock.now();
  const mailer = args.mailer ?? sendMail;
  const appUrl = (args.appUrl ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const limit = args.limit ?? 1000;
  const claimed = await claimDueReminders(db, { now, limit });
  if (claimed.length === 0) return { sent: 0, failed: 0 };

  const [preferences, followUps] = await Promise.all([
    db.notificationPreference.findMany({
      where: { userId: { in: claimed.map((r) => r.userId) }, kind: "DAILY_REMINDER", channel: "EMAIL" },
      select: { userId: true, enabled: true },
    }),
    dueFollowUps(db, claimed),
  ]);
  const stored = new Map(preferences.map((p) => [p.userId, p.enabled]));
  // Turned off: claimed all the same (the day is marked, so they are not looked at again today), but no mail.
  const rows = claimed.filter((r) => channelEnabled("DAILY_REMINDER", "EMAIL", stored.get(r.userId)));

  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      const props = await reminderProps(db, row, appUrl, followUps.get(row.id) ?? 0);
      const unsubscribe = listUnsubscribe({
        appUrl,
        userId: row.userId,
        kind: "DAILY_REMINDER",
        teamSlug: row.teamSlug,
      });
      const withFooter: DailyReminderProps = {
        ...props,
        footer: {
          reason: `You get this reminder because you set a daily reminder time on your Log page in ${row.teamName}. You can change or turn it off there.`,
          unsubscribeUrl: unsubscribe.url,
          settingsUrl: `${appUrl}/${row.teamSlug}/profile#notifications`,
        },
      };
      await mailer({
        to: row.email,
        subject: reminderSubject(withFooter),
        text: dailyReminderText(withFooter),
        html: await renderHtml(createElement(DailyReminder, withFooter)),
        headers: unsubscribe.headers,
      });
      sent++;
    } catch (error) {
      failed++;
      console.error(`[reminders] could not email membership ${row.id}`, error);
      await db.membership.updateMany({
        where: { id: row.id, reminderSentOn: row.localDay },
        data: { reminderSentOn: row.previous },
      });
    }
  }
  return { sent, failed };
}

/** Follow-ups due on each member's own day or overdue, on their names list: one count per distinct day (usually one). */
async function dueFollowUps(db: Db, rows: DueReminderRow[]): Promise<Map<string, number>> {
  const byDay = new Map<string, string[]>();
  for (const r of rows) {
    const day = toIsoDay(r.localDay);
    byDay.set(day, [...(byDay.get(day) ?? []), r.id]);
  }
  const counts = new Map<string, number>();
  for (const [day, ids] of byDay) {
    const groups = await db.person.groupBy({
      by: ["membershipId"],
      where: { membershipId: { in: ids }, archivedAt: null, nextFollowUp: { lte: toDbDay(day) } },
      _count: { _all: true },
    });
    for (const g of groups) counts.set(g.membershipId, g._count._all);
  }
  return counts;
}

/** The reminder's content: today's plan from the Log's own context (one query), never failing the mail. */
async function reminderProps(
  db: Db,
  row: DueReminderRow,
  appUrl: string,
  followUps: number,
): Promise<Omit<DailyReminderProps, "footer">> {
  const day = toIsoDay(row.localDay);
  const locale = localeOf(row.locale);
  const f = (n: number, unit: Parameters<typeof formatAmount>[1]) => formatAmount(n, unit, row.teamCurrency, locale);
  let actions: DailyReminderProps["actions"] = [];
  let catchUp: string | null = null;
  try {
    const context = await loadLogContext(db, { teamId: row.teamId, membershipId: row.id, asOf: day });
    actions = todayActionsFrom(context)
      .filter((a) => a.planned > 0)
      .map((a) => ({ name: a.name, amount: f(a.planned, a.unit) }));
    const main = actions.length === 0 ? mainGoalFrom(context) : null;
    if (main && main.personal > main.done)
      catchUp = `${f(main.personal - main.done, main.metric.unit)} ${main.metric.name.toLowerCase()} to go for ${main.name} by ${formatMailDay(main.deadline, locale, true)}`;
  } catch (error) {
    console.error(`[reminders] today's plan of membership ${row.id} could not be read`, error);
  }
  return {
    firstName: row.name.split(" ")[0] || row.name,
    teamName: row.teamName,
    dayLabel: formatMailDay(day, locale),
    logUrl: `${appUrl}/${row.teamSlug}/log`,
    actions,
    catchUp,
    followUps,
    peopleUrl: `${appUrl}/${row.teamSlug}/names`,
  };
}
