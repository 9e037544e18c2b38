/**
 * The worker process of the kill -9 check: `startWorker` (server/jobs/worker.ts, as `npm run worker` uses it) with
 * the reliability job instead of JOBS, on DATABASE_URL (PostgreSQL). Prints "ready" once it works the queue.
 */
import { openDatabase } from "../../server/db-client";
import { startWorker } from "../../server/jobs/worker";
import { RELIABILITY_RUNNER, reliabilityJob } from "./job-definition";

const database = openDatabase(process.env.DATABASE_URL, { poolSize: 6 });
await startWorker({
  database,
  jobs: [reliabilityJob],
  ...RELIABILITY_RUNNER,
  log: { info: () => {}, warn: console.warn, error: console.error },
  onSignal: async () => {
    await database.close();
    process.exit(0);
  },
});
console.info("ready");
