/**
 * `alerts.commitment-due`: every hour (at :05), Commitment-due alerts (server/services/alerts/commitment-due.ts). Each run is idempotent (notify()'s dedupe keys), so a retry or a
 * second worker changes nothing; a tick missed while the worker was down is made up by the next one (the morning
 * window, docs/OPERATIONS.md "Alerts").
 */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { sendCommitmentDueAlerts } from "./commitment-due";

export const commitmentDueJob = defineJob({
  name: "alerts.commitment-due",
  schema: z.object({}),
  schedule: { cron: "5 * * * *" },
  handler: async (db) => {
    const result = await sendCommitmentDueAlerts(db);
    if (result.made > 0) console.info(`[alerts.commitment-due] ${JSON.stringify(result)}`);
  },
});
