/**
 * Sends the daily "time to log" reminders that are due at `now`. A member is due when, where they live (their own
 * time zone, else the team's):
 * - their reminder time has passed today,
 * - today is an open day for them: one of the team's working weekdays, not a team holiday, not one of their days off,
 * - they have logged nothing for that day and were not reminded that day (at most one a member-local day).
 *
 * Members are claimed and marked (`reminderSentOn` = their member-local day) by ONE statement, so two runs at the
 * same time never email anyone twice; if a mail cannot be sent the mark is put back, so the next run retries.
 */
import { env } from "@/env";
import type { Db } from "@/server/db-client";
import { sendMail, type Mail } from "@/server/mail";
import * as clock from "@/server/clock";
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
  const rows = await claimDueReminders(db, { now, limit });

  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await mailer(reminderMail(row, appUrl));
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

function reminderMail(row: DueReminderRow, appUrl: string): Mail {
  const link = `${appUrl}/${row.teamSlug}/log`;
  const first = row.name.split(" ")[0] ?? row.name;
  return {
    to: row.email,
    subject: `Time to log today (${row.teamName})`,
    text: `Hi ${first},\n\nYou haven't logged anything for ${row.teamName} today yet. It takes a few seconds:\n${link}\n\nYou get this reminder because you set a daily reminder time on your Log page. You can change or turn it off there.\n\n— Backplan`,
  };
}
