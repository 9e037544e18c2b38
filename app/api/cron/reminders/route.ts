/**
 * POST (or GET) /api/cron/reminders with `Authorization: Bearer $CRON_SECRET`: sends the daily "time to log"
 * reminders due now. Call it every 5–15 minutes from a scheduler; `npm run reminders:send` does the same from a
 * shell (see server/services/reminder/reminder-cron.ts).
 */
import { db } from "@/server/db";
import { handleReminderCron } from "@/server/services/reminder/reminder-cron";

export const dynamic = "force-dynamic";

function handler(request: Request) {
  return handleReminderCron(request, { db, secret: process.env.CRON_SECRET });
}

export { handler as GET, handler as POST };
