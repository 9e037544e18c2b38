/**
 * This app instance's background work, for tests of the dashboard's kept roll-ups and views
 * (server/services/progress/rollup-memo.ts, branch-view-store.ts): wait for it, or forget what it kept as a new
 * instance behind the load balancer would start.
 */
import { settleKeptViews } from "@/server/services/progress/branch-view-store";
import { clearRollupMemo, settleRollupMemo } from "@/server/services/progress/rollup-memo";

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
