/**
 * The job of the worker kill -9 check (scripts/reliability/job-kill-restart.ts): writes one row keyed by its data,
 * idempotently (INSERT … ON CONFLICT DO NOTHING), and logs every run in an append-only table so re-runs after a
 * crash can be counted. It takes a little time, so a SIGKILL lands while jobs are running.
 */
import { z } from "zod";
import type { Db } from "../../server/db-client";
import { defineJob } from "../../server/jobs/define-job";

export const RELIABILITY_JOB = "reliability.write-row";

export async function createReliabilityTables(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`CREATE TABLE reliability_job_row (key text PRIMARY KEY, written_by int NOT NULL)`);
  await db.$executeRawUnsafe(
    `CREATE TABLE reliability_job_run (id serial PRIMARY KEY, key text NOT NULL, pid int NOT NULL)`,
  );
}

export const reliabilityJob = defineJob({
  name: RELIABILITY_JOB,
  schema: z.object({ key: z.string().min(1) }),
  retryLimit: 5,
  handler: async (db, data) => {
    await db.$executeRaw`INSERT INTO reliability_job_run (key, pid) VALUES (${data.key}, ${process.pid})`;
    await new Promise((resolve) => setTimeout(resolve, 60));
    await db.$executeRaw`INSERT INTO reliability_job_row (key, written_by) VALUES (${data.key}, ${process.pid}) ON CONFLICT (key) DO NOTHING`;
  },
});

/** Short timers so a job lost with its worker is retried within seconds (production: 15 min / 60 s). */
export const RELIABILITY_RUNNER = {
  pollingIntervalSeconds: 0.5,
  concurrency: 4,
  retryDelaySeconds: 1,
  expireInSeconds: 3,
  tuning: { superviseIntervalSeconds: 1, monitorIntervalSeconds: 1 },
} as const;
