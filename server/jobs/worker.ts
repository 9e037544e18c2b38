/**
 * Starts the worker of this process: every job of server/jobs/jobs.ts on the given database, registered as the
 * process's engine (enqueueJob), stopped gracefully on SIGTERM / SIGINT (running jobs finish, up to 30 s; one
 * cut short is retried by another worker when it expires — handlers are idempotent).
 *
 * Used by instrumentation.ts (in the app, unless BACKPLAN_WORKER=off) and scripts/worker.ts (`npm run worker`).
 */
import type { Database } from "@/server/db-client";
import { startJobRunner, type JobRunner, type JobRunnerOptions } from "./boss";
import { setJobEngine } from "./engine";
import { JOBS } from "./jobs";

export interface StartWorkerOptions extends Partial<Omit<JobRunnerOptions, "database">> {
  database: Database;
  /** Stop on SIGTERM / SIGINT (default true); `onSignal` runs after the stop (e.g. to exit). */
  handleSignals?: boolean;
  onSignal?: (signal: NodeJS.Signals) => void | Promise<void>;
}

export async function startWorker(options: StartWorkerOptions): Promise<JobRunner> {
  const { handleSignals = true, onSignal, ...runnerOptions } = options;
  const starting = startJobRunner({ jobs: JOBS, ...runnerOptions });
  setJobEngine(starting);
  let runner: JobRunner;
  try {
    runner = await starting;
  } catch (error) {
    setJobEngine(null);
    throw error;
  }
  if (handleSignals) {
    const stop = (signal: NodeJS.Signals) => {
      (options.log ?? console).info(`jobs: ${signal}, stopping the worker (running jobs finish first)`);
      void runner
        .stop()
        .catch((error: unknown) => (options.log ?? console).error("jobs: stop failed", error))
        .then(() => onSignal?.(signal));
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  }
  return runner;
}
