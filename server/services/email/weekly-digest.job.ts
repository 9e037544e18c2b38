/**
 * `digest.weekly`: every hour, the weekly digests of the teams whose week-start morning it is (07:00 or later on
 * their first weekday, in their zone), each upline once for their branch (send-weekly-digests.ts). Idempotent per
 * (membership, week) through the `DigestSent` marker, so a rerun, a retry or a second worker sends nothing twice; a
 * failed mail is unmarked and goes at the next hour.
 */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { sendWeeklyDigests } from "./send-weekly-digests";

export const weeklyDigestJob = defineJob({
  name: "digest.weekly",
  schema: z.object({}).passthrough(),
  schedule: { cron: "0 * * * *" },
  handler: async (db) => {
    const run = await sendWeeklyDigests(db);
    if (run.sent || run.failed) console.info(`[digest] teams ${run.teams}, sent ${run.sent}, failed ${run.failed}`);
  },
});
