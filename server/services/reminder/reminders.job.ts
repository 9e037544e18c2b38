/**
 * `reminders.tick`: every 5 minutes, the daily "time to log" emails due now (send-due-reminders.ts). Idempotent:
 * each member is claimed and marked for their day in one statement, so a rerun or a second worker sends nothing
 * twice; a mail that fails is unmarked and retried by the next tick (the run itself does not fail for it).
 */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { sendDueReminders } from "./send-due-reminders";

export const remindersTickJob = defineJob({
  name: "reminders.tick",
  schema: z.object({}).passthrough(),
  schedule: { cron: "*/5 * * * *" },
  handler: async (db) => {
    const run = await sendDueReminders(db);
    if (run.sent || run.failed) console.info(`[reminders] sent ${run.sent}, failed ${run.failed}`);
  },
});
