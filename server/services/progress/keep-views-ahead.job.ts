/**
 * `dashboard.keep-views-ahead`: every minute, the big goals' first views in use are read again before they age
 * (keep-views-ahead.ts). Idempotent: a rerun, or a second worker, writes the same views again (each write keeps the
 * newer of two); a goal that fails is retried by the next tick, so the run itself never fails for it.
 */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { keepViewsAhead } from "./keep-views-ahead";

export const keepViewsAheadJob = defineJob({
  name: "dashboard.keep-views-ahead",
  schema: z.object({}).passthrough(),
  schedule: { cron: "* * * * *" },
  retryLimit: 0,
  handler: async (db) => {
    const run = await keepViewsAhead(db);
    if (run.goals || run.failed) {
      console.info(`[dashboard] kept ahead: ${run.views} views of ${run.goals} goal periods, ${run.failed} failed`);
    }
  },
});
