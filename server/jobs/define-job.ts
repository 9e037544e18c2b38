/**
 * A background job: a name, the zod schema of its data, and a handler that does the work.
 *
 * The handler is a plain function of (db, data): it reads "now" from server/clock.ts and is idempotent (run twice =
 * same result — use dedupe keys, unique rows, "sent on" columns), because the engine may run it again after a crash
 * or a retry. Tests call the handler directly on a real test database; they never need the engine running.
 *
 * Definitions live beside their service (server/services/<key>/<name>.job.ts) and are listed in server/jobs/jobs.ts.
 * The engine (server/jobs/boss.ts on PostgreSQL, server/jobs/local-runner.ts on PGlite) validates the data with
 * `schema` before calling the handler, retries a failing run with back-off `retryLimit` times, then marks it failed.
 */
import type { z } from "zod";
import type { Db } from "@/server/db-client";

export interface JobSchedule {
  /** A 5-field cron expression, evaluated in UTC ("*\/5 * * * *" = every 5 minutes). */
  cron: string;
}

export interface JobDefinition<T = unknown> {
  /** Unique; letters, digits, dots, dashes, underscores ("reminders.tick"). */
  name: string;
  schema: z.ZodType<T>;
  handler: (db: Db, data: T) => Promise<void>;
  /** Runs on this schedule (once per tick across every worker) with the data `{}` (the schema must accept it). */
  schedule?: JobSchedule;
  /** Retries after the first failed run (default 3), with exponential back-off. */
  retryLimit?: number;
}

/** A definition of any data type (lists of jobs: server/jobs/jobs.ts, the engine). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own data type
export type AnyJobDefinition = JobDefinition<any>;

const JOB_NAME = /^[A-Za-z0-9_.-]+$/;

export function defineJob<T>(def: JobDefinition<T>): JobDefinition<T> {
  if (!JOB_NAME.test(def.name)) {
    throw new Error(`Job name ${JSON.stringify(def.name)}: use letters, digits, dots, dashes and underscores only.`);
  }
  if (def.retryLimit !== undefined && (!Number.isInteger(def.retryLimit) || def.retryLimit < 0)) {
    throw new Error(`Job ${def.name}: retryLimit must be a whole number ≥ 0.`);
  }
  return def;
}

/** The default number of retries after a failed run. */
export const DEFAULT_RETRY_LIMIT = 3;
