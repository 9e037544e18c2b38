/**
 * `push.dispatch`: every minute, sends the pending pushes (server/services/push/dispatch-push.ts). The run is its own
 * retry (a failed send waits in the outbox with a back-off), so the job itself is not retried.
 */
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { dispatchPush } from "./dispatch-push";
import { vapidConfig } from "./vapid";

export const dispatchPushJob = defineJob({
  name: "push.dispatch",
  schema: z.object({}),
  schedule: { cron: "* * * * *" },
  retryLimit: 0,
  handler: async (db) => {
    const result = await dispatchPush(db, { vapid: vapidConfig() });
    if (result.claimed > 0) console.info(`[push] ${JSON.stringify(result)}`);
  },
});
