/**
 * `npm run reminders:send`: sends the daily "time to log" reminders due now (SMTP when SMTP_URL is set, the log
 * otherwise) and prints how many went out. Run it every 5–15 minutes from cron, e.g.
 *   0-59/10 * * * *  cd /srv/backplan && DATABASE_URL=… npm run reminders:send
 * (or call POST /api/cron/reminders with the CRON_SECRET). DATABASE_URL picks the database (PGlite by default).
 */
import { openDatabase } from "../server/db-client";
import { sendDueReminders } from "../server/services/reminder/send-due-reminders";

const database = openDatabase(process.env.DATABASE_URL);
try {
  const run = await sendDueReminders(database.db);
  console.info(`reminders: ${run.sent} sent, ${run.failed} failed`);
  if (run.failed > 0) process.exitCode = 1;
} finally {
  await database.close();
}
