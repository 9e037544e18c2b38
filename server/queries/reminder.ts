/**
 * SQL of the daily "time to log" reminder: ONE statement claims the members due at `now` and marks them
 * (`reminderSentOn` = their member-local day), so two runs at once never email anyone twice. Round trip tested in
 * reminder.integration.test.ts; the rules are explained in server/services/reminder/send-due-reminders.ts.
 */
import { Prisma } from "@/generated/prisma/client";
import { z } from "zod";
import type { DbClient } from "@/server/db-client";
import { queryRows, zcol, zodRows } from "./decode";

const ZDueReminderRow = z.object({
  id: z.string(),
  teamId: z.string(),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  teamName: z.string(),
  teamSlug: z.string(),
  teamCurrency: z.string(),
  /** The formats of the member's emails (server/domain/locale.ts); null = the default. */
  locale: z.string().nullable(),
  /** The member's own day the reminder is for (midnight UTC, a `@db.Date`). */
  localDay: zcol.date,
  /** `reminderSentOn` before this claim, put back if the mail cannot be sent. */
  previous: zcol.date.nullable(),
});
export type DueReminderRow = z.output<typeof ZDueReminderRow>;
const dueReminderRows = zodRows("reminder.claimDue", ZDueReminderRow);

/**
 * Claims (and marks) up to `limit` members whose reminder is due at `now` where they live: their reminder time has
 * passed, the day is open for them (team working weekday, no team holiday, no day off), nothing is logged for it and
 * they were not reminded that day. Rows locked by a concurrent run are skipped.
 */
export function claimDueReminders(db: DbClient, args: { now: Date; limit: number }): Promise<DueReminderRow[]> {
  // `at`: the wall-clock time now where the member lives (their zone, else the team's); `at::date` is their day.
  return queryRows(
    db,
    dueReminderRows,
    Prisma.sql`
    WITH due AS (
      SELECT m.id, m."teamId", m."userId", m."reminderSentOn" AS previous, u.email, u.name, u.locale, t.name AS "teamName",
             t.slug AS "teamSlug", t.currency AS "teamCurrency", z.at::date AS "localDay"
        FROM "Membership" m
        JOIN "Team" t ON t.id = m."teamId"
        JOIN "User" u ON u.id = m."userId"
        CROSS JOIN LATERAL (SELECT ${args.now}::timestamptz AT TIME ZONE COALESCE(m."timeZone", t."timeZone") AS at) z
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
       LIMIT ${args.limit}
       FOR UPDATE OF m SKIP LOCKED
    )
    UPDATE "Membership" m SET "reminderSentOn" = due."localDay"
      FROM due WHERE m.id = due.id
    RETURNING m.id, m."teamId", m."userId", due.email, due.name, due.locale, due."teamName", due."teamSlug", due."teamCurrency",
              due."localDay", due.previous`,
  );
}
