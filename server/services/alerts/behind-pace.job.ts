/**
 * `alerts.behind-pace`: every hour (at :05), Behind-pace alerts (server/services/alerts/behind-pace.ts). Each run is idempotent (notify()'s dedupe keys), so a retry or a
 * second worker changes nothing; a tick missed while the worker was down is made up by the next one (the morning
 * window, docs/OPERATIONS.md "Alerts").
 */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { sendBehindPaceAlerts } from "./behind-pace";

export const behindPaceJob = defineJob({
  name: "alerts.behind-pace",
  schema: z.object({}),
  schedule: { cron: "5 * * * *" },
  handler: async (db) => {
    const result = await sendBehindPaceAlerts(db);
    if (result.made > 0) console.info(`[alerts.behind-pace] ${JSON.stringify(result)}`);
  },
});
