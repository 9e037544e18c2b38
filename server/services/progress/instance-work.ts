/**
 * This app instance's dashboard work behind its answers (the kept roll-ups of rollup-memo.ts, the kept views and
 * read-aheads of branch-view-store.ts): wait for it, or forget what it kept as a new instance behind the load
 * balancer would start. For tests, the benchmarks and a clean shutdown; nothing on a request's path waits for it.
 */
import { settleKeptViews } from "./branch-view-store";
import { clearRollupMemo, settleRollupMemo } from "./rollup-memo";

/** Every read and write this instance started behind an answer has ended. */
export async function settleInstance(): Promise<void> {
  await settleRollupMemo();
  await settleKeptViews();
}

/** This instance forgets the roll-ups it kept (as a new one would start), once nothing it started is under way. */
export async function forgetInstance(): Promise<void> {
  await settleInstance();
  clearRollupMemo();
}
