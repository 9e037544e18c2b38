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
import { Prisma } from "@/generated/prisma/client";
import { env } from "@/env";
import type { Db } from "@/server/db-client";
import { sendMail, type Mail } from "@/server/mail";
import * as clock from "@/server/clock";

export type Mailer = (mail: Mail) => Promise<unknown>;

interface DueRow {
  id: string;
  email: string;
  name: string;
  teamName: string;
  teamSlug: string;
  localDay: Date;
  previous: Date | null;
}

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
  // `at`: the wall-clock time now where the member lives (their zone, else the team's); `at::date` is their day.
  const rows = await db.$queryRaw<DueRow[]>(Prisma.sql`
    WITH due AS (
      SELECT m.id, m."reminderSentOn" AS previous, u.email, u.name, t.name AS "teamName", t.slug AS "teamSlug",
             z.at::date AS "localDay"
        FROM "Membership" m
        JOIN "Team" t ON t.id = m."teamId"
        JOIN "User" u ON u.id = m."userId"
        CROSS JOIN LATERAL (SELECT ${now}::timestamptz AT TIME ZONE COALESCE(m."timeZone", t."timeZone") AS at) z
       WHERE m.status = 'ACTIVE' AND m."reminderTime" IS NOT NULL
         AND m."reminderTime"::time <= z.at::time
         AND (m."reminderSentOn" IS NULL OR m."reminderSentOn" < z.at::date)
         AND EXTRACT(DOW FROM z.at)::int = ANY (t."workingDays")
         AND NOT EXISTS (SELECT 1 FROM "TeamHoliday" h WHERE h."teamId" = m."teamId" AND h.day = z.at::date)
         AND NOT EXISTS (SELECT 1 FROM "MemberDayOff" o WHERE o."membershipId" = m.id AND o.day = z.at::date)
         AND NOT EXISTS (
           SELECT 1 FROM "DailyTotal" d
            WHERE d."membershipId" = m.id AND d.entries > 0 AND d.day = z.at::date)
       ORDER BY m.id
       LIMIT ${limit}
       FOR UPDATE OF m SKIP LOCKED
    )
    UPDATE "Membership" m SET "reminderSentOn" = due."localDay"
      FROM due WHERE m.id = due.id
    RETURNING m.id, due.email, due.name, due."teamName", due."teamSlug", due."localDay", due.previous`);

  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await mailer(reminderMail(row, appUrl));
      sent++;
    } catch (error) {
      failed++;
      console.error(`[reminders] could not email membership ${row.id}`, error);
      await db.membership.updateMany({ where: { id: row.id, reminderSentOn: row.localDay }, data: { reminderSentOn: row.previous } });
    }
  }
  return { sent, failed };
}

function reminderMail(row: DueRow, appUrl: string): Mail {
  const link = `${appUrl}/${row.teamSlug}/log`;
  const first = row.name.split(" ")[0] ?? row.name;
  return {
    to: row.email,
    subject: `Time to log today (${row.teamName})`,
    text: `Hi ${first},\n\nYou haven't logged anything for ${row.teamName} today yet. It takes a few seconds:\n${link}\n\nYou get this reminder because you set a daily reminder time on your Log page. You can change or turn it off there.\n\n— Backplan`,
  };
}
