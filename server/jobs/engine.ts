/**
 * The job engine of this process, behind enqueueJob (server/jobs/enqueue.ts).
 *
 * The worker (instrumentation.ts in the app, scripts/worker.ts alone) registers its runner with `setJobEngine`.
 * Without one (an app instance with BACKPLAN_WORKER=off), the first enqueueJob starts a send-only engine on the
 * app's database. Kept on globalThis so dev hot reloads reuse it.
 */
import type { EnqueueOptions } from "./enqueue";

export interface JobEngine {
  send(name: string, data: unknown, opts?: EnqueueOptions): Promise<void>;
}

const globalForJobs = globalThis as unknown as { backplanJobEngine?: Promise<JobEngine> | null };

/** Registers the process's engine (a promise while it starts, so jobs enqueued meanwhile wait for it). */
export function setJobEngine(engine: JobEngine | Promise<JobEngine> | null): void {
  globalForJobs.backplanJobEngine = engine ? Promise.resolve(engine) : null;
}

export function jobEngine(): Promise<JobEngine> {
  globalForJobs.backplanJobEngine ??= (async () => {
    const [{ database }, { JOBS }, { startJobRunner }] = await Promise.all([
      import("@/server/db"),
      import("./jobs"),
      import("./boss"),
    ]);
    return startJobRunner({ database: database(), jobs: JOBS, work: false });
  })().catch((error: unknown) => {
    globalForJobs.backplanJobEngine = null; // try again on the next call
    throw error;
  });
  return globalForJobs.backplanJobEngine;
}
