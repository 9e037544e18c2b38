/**
 * The job engine: pg-boss on the app's database, running the definitions of server/jobs/jobs.ts.
 *
 * - PostgreSQL (`postgresql://…`): pg-boss opens its own small pool on DATABASE_URL. Any number of workers may run
 *   against one database: a job is claimed by one of them (SKIP LOCKED), a cron tick is sent once (pg-boss files
 *   each occurrence under a singleton key), and a job whose worker died is retried after it expires.
 * - PGlite (`pglite:<folder>`, the demo and tests): pg-boss runs on the app's own PGlite instance through its
 *   `fromPglite` adapter (`backend: "pglite"`). PGlite serialises every query and transaction on its single
 *   connection, so pg-boss and Prisma share it safely; the worker must then run inside the app process (the one
 *   process that may open the folder). docs/OPERATIONS.md "Jobs and the worker".
 *
 * Each definition gets a queue with its retryLimit and exponential back-off; a run validates the data with the
 * definition's zod schema and calls the handler with the app's Prisma client. Handlers are idempotent, so a run
 * repeated after a crash (the job was active when its worker died) does no harm.
 */
import { PgBoss, fromPglite, type ConstructorOptions, type Job, type JobResult } from "pg-boss";
import type { Database } from "@/server/db-client";
import { DEFAULT_RETRY_LIMIT, type AnyJobDefinition } from "./define-job";
import type { EnqueueOptions } from "./enqueue";
import type { JobEngine } from "./engine";

/** The window of an enqueued job's singletonKey (server/jobs/enqueue.ts). */
export const DEFAULT_SINGLETON_SECONDS = 60;

/** Jobs a worker fetches at once (run one after the other, each settled on its own). */
const BATCH_SIZE = 5;

/** pg-boss's tables live in their own schema, away from Prisma's `public`. */
export const JOB_SCHEMA = "pgboss";

export interface JobRunnerOptions {
  /** The app's database: handlers get its Prisma client; pg-boss uses its URL (PostgreSQL) or PGlite instance. */
  database: Database;
  /** The definitions to run (default: every one in server/jobs/jobs.ts). */
  jobs: readonly AnyJobDefinition[];
  /** Work the queues and keep the schedules (default true). false = only send jobs (an app with BACKPLAN_WORKER=off). */
  work?: boolean;
  /** Jobs of one queue this process runs at once (default 1). */
  concurrency?: number;
  /** How often an idle worker looks for jobs, in seconds (default 2). */
  pollingIntervalSeconds?: number;
  /** The first retry's delay in seconds; later ones double (default 15). */
  retryDelaySeconds?: number;
  /** The longest delay between retries, in seconds (default 600). */
  retryDelayMaxSeconds?: number;
  /** A job still running after this is considered lost and retried (default 15 minutes). */
  expireInSeconds?: number;
  /** PostgreSQL connections pg-boss may open (default 4). */
  poolSize?: number;
  /**
   * pg-boss's timers (tests and the reliability harness shorten them): how often expired jobs (their worker died)
   * are put back for a retry (supervise and monitor, default 60 s each), and how often schedules are checked
   * (defaults 5 s and 30 s).
   */
  tuning?: BossTuning;
  log?: Pick<Console, "info" | "warn" | "error">;
}

export interface JobRunner extends JobEngine {
  readonly boss: PgBoss;
  /** Stops fetching, waits for running jobs (up to `timeoutMs`, default 30 s), then closes pg-boss's pool. */
  stop(timeoutMs?: number): Promise<void>;
}

export type BossTuning = Pick<
  ConstructorOptions,
  "superviseIntervalSeconds" | "monitorIntervalSeconds" | "cronWorkerIntervalSeconds" | "cronMonitorIntervalSeconds"
>;

export function createBoss(
  database: Database,
  options: { poolSize?: number; work?: boolean; tuning?: BossTuning } = {},
): PgBoss {
  const work = options.work ?? true;
  const common = {
    schema: JOB_SCHEMA,
    // A send-only instance neither supervises (maintenance, expiry) nor runs the cron monitor.
    supervise: work,
    schedule: work,
    migrate: true,
    ...options.tuning,
  };
  if (database.kind === "pglite") {
    if (!database.pglite) throw new Error("The job engine needs the app's PGlite instance (server/db-client.ts).");
    return new PgBoss({ ...common, db: fromPglite(database.pglite), backend: "pglite" });
  }
  if (!database.url) throw new Error("The job engine needs the PostgreSQL URL of the app's database.");
  return new PgBoss({
    ...common,
    connectionString: database.url,
    max: options.poolSize ?? 4,
    application_name: "backplan-jobs",
  });
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const log = options.log ?? console;
  const work = options.work ?? true;
  const definitions = new Map<string, AnyJobDefinition>();
  for (const def of options.jobs) {
    if (definitions.has(def.name)) throw new Error(`Two jobs are named ${def.name} (server/jobs/jobs.ts).`);
    definitions.set(def.name, def);
  }
  const boss = createBoss(options.database, {
    poolSize: options.poolSize,
    work,
    tuning: options.tuning,
  });
  boss.on("error", (error: unknown) => log.error("jobs: pg-boss error", error));
  await boss.start();
  try {
    await setUp(boss, definitions, options, log);
  } catch (error) {
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    throw error;
  }

  let stopping: Promise<void> | null = null;
  return {
    boss,
    async send(name: string, data: unknown, opts: EnqueueOptions = {}) {
      const def = definitions.get(name);
      if (!def) throw new Error(`No job is named ${JSON.stringify(name)} (server/jobs/jobs.ts).`);
      const parsed = def.schema.parse(data ?? {}) as object;
      await boss.send(name, parsed, {
        ...(opts.singletonKey
          ? { singletonKey: opts.singletonKey, singletonSeconds: opts.singletonSeconds ?? DEFAULT_SINGLETON_SECONDS }
          : {}),
        ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
      });
    },
    stop(timeoutMs = 30_000) {
      stopping ??= boss.stop({ graceful: true, timeout: timeoutMs, close: true });
      return stopping;
    },
  };
}

/** Queues with their retry options, then (a working instance) the workers and the schedules. */
async function setUp(
  boss: PgBoss,
  definitions: Map<string, AnyJobDefinition>,
  options: JobRunnerOptions,
  log: Pick<Console, "info" | "warn" | "error">,
): Promise<void> {
  const queueOptions = (def: AnyJobDefinition) => ({
    retryLimit: def.retryLimit ?? DEFAULT_RETRY_LIMIT,
    retryBackoff: true,
    retryDelay: options.retryDelaySeconds ?? 15,
    retryDelayMax: options.retryDelayMaxSeconds ?? 600,
    expireInSeconds: options.expireInSeconds ?? 15 * 60,
  });
  for (const def of definitions.values()) {
    if (await boss.getQueue(def.name)) await boss.updateQueue(def.name, queueOptions(def));
    else await boss.createQueue(def.name, queueOptions(def));
  }

  if (options.work ?? true) {
    const db = options.database.db;
    for (const def of definitions.values()) {
      // Batches of up to BATCH_SIZE, fetched back to back while they come back full; each job settles on its own
      // (perJobResults), so one failure retries that job only.
      await boss.work<unknown>(
        def.name,
        {
          pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
          batchSize: BATCH_SIZE,
          burstWhenBatchFull: true,
          perJobResults: true,
          localConcurrency: options.concurrency ?? 1,
        },
        async (jobs: Job<unknown>[]) => {
          const results: JobResult[] = [];
          for (const job of jobs) {
            try {
              await def.handler(db, def.schema.parse(job.data ?? {}));
              results.push({ id: job.id, status: "completed" });
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              log.warn(`jobs: ${def.name} ${job.id} failed (try ${job.retryCount + 1}): ${message}`);
              results.push({ id: job.id, status: "failed", output: { message } });
            }
          }
          return results;
        },
      );
    }
    // Schedules: one per scheduled definition (cron in UTC); a schedule whose job left JOBS is removed.
    for (const def of definitions.values()) {
      if (def.schedule) await boss.schedule(def.name, def.schedule.cron, {}, { tz: "UTC", missed: "once" });
    }
    for (const schedule of await boss.getSchedules()) {
      const def = definitions.get(schedule.name);
      if (!def?.schedule) await boss.unschedule(schedule.name, schedule.key);
    }
    log.info(
      `jobs: worker started on ${options.database.kind} (${definitions.size} job${definitions.size === 1 ? "" : "s"})`,
    );
  }
}
