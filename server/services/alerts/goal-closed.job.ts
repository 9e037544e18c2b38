/**
 * `alerts.goal-closed`: every hour (at :05), Goal-closed alerts (server/services/alerts/goal-closed.ts). Each run is idempotent (notify()'s dedupe keys), so a retry or a
 * second worker changes nothing; a tick missed while the worker was down is made up by the next one (the morning
 * window, docs/OPERATIONS.md "Alerts").
 */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { sendGoalClosedAlerts } from "./goal-closed";

export const goalClosedJob = defineJob({
  name: "alerts.goal-closed",
  schema: z.object({}),
  schedule: { cron: "5 * * * *" },
  handler: async (db) => {
    const result = await sendGoalClosedAlerts(db);
    if (result.made > 0) console.info(`[alerts.goal-closed] ${JSON.stringify(result)}`);
  },
});
