/**
 * The worker inside the app process (imported by instrumentation.ts when the Next.js server starts), unless
 * BACKPLAN_WORKER=off (several app instances on PostgreSQL, with `npm run worker` running the jobs).
 * On PGlite it must run here: the app is the one process that may open the data folder.
 * Started in the background so the server answers at once; a failure is logged and the app keeps serving.
 */
import { env } from "@/env";
import { database } from "@/server/db";
import { startWorker } from "./worker";

if (env.BACKPLAN_WORKER === "on") {
  startWorker({ database: database() }).catch((error: unknown) => {
    console.error("✖ jobs: the worker did not start; background jobs will not run in this process.", error);
  });
}

export {};
