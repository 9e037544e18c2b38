/**
 * enqueueJob — asks the worker to run a job soon (or at `startAfter`).
 *
 * Never call it inside a business transaction: the queue is written on its own connection, so a rolled-back
 * transaction would still leave the job. Write an outbox row in the transaction instead and let a scheduled job pick
 * it up, or enqueue after the commit.
 *
 * `singletonKey`: at most one job of this name with this key per `singletonSeconds` window (default 60 s, aligned
 * to the clock): a second one in the same window is not added (the call returns quietly), even from another app
 * instance (a unique index in pg-boss's table decides). Use it to coalesce nudges ("send this person's pushes").
 */
import { jobEngine } from "./engine";

export interface EnqueueOptions {
  singletonKey?: string;
  /** The window of `singletonKey`, in seconds (default 60). */
  singletonSeconds?: number;
  startAfter?: Date;
}

export async function enqueueJob(name: string, data: unknown, opts: EnqueueOptions = {}): Promise<void> {
  const engine = await jobEngine();
  await engine.send(name, data, opts);
}
