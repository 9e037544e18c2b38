/**
 * A short-lived memo of BIG roll-ups, in this process, so a leader's drill into any node, a search, and everyone
 * opening the same big dashboard in a review meeting cost a lookup instead of a roll-up of the whole tree.
 *
 * - Only roll-ups of at least `MEMO_MIN_ROWS` rows are kept: a small team's dashboard is always read fresh (it costs a
 *   few milliseconds), whatever the machine's speed, so what a test or a small team sees never depends on timing.
 * - A kept roll-up is fresh for `MEMO_TTL_MS` from when it was computed (by the one clock). Older, up to
 *   `MEMO_STALE_MS`, it is still served at once while ONE read in the background replaces it (stale while
 *   revalidate), so a big dashboard opens in milliseconds all day once an instance has read it; older than that it is
 *   read again before answering. It always says when it was read: the big dashboard shows "Figures as of 14:03:12".
 *   The dashboard's reads may already come from a streaming replica, so the page never promised read-your-writes;
 *   the Log and My plan never read this memo.
 * - Single flight: concurrent requests for the same roll-up share one computation.
 * - At most `MEMO_MAX_ROWS` rows are kept in all (oldest dropped first): ~100 MB at 250,000 rows.
 * The app stays stateless: every instance keeps its own memo, and a miss just computes (docs/SCALING.md).
 */
import * as clock from "@/server/clock";
import { indexBranches, type BranchIndex } from "@/server/domain/branch-view";
import type { RollupResult } from "./get-rollup";

export const MEMO_MIN_ROWS = 5_000;
export const MEMO_TTL_MS = 20_000;
export const MEMO_STALE_MS = 5 * 60_000;
const MEMO_MAX_ROWS = 250_000;

export interface IndexedRollup {
  result: RollupResult;
  index: BranchIndex;
  /** When the roll-up was read (the one clock), shown as "as of". */
  computedAt: Date;
}

interface Slot {
  at: number;
  rows: number;
  value: IndexedRollup;
}

const kept = new Map<string, Slot>();
const inFlight = new Map<string, Promise<IndexedRollup>>();

/** The kept roll-up under `key` while it may be served (fresh or stale), else undefined. */
function peekRollup(key: string): IndexedRollup | undefined {
  const slot = kept.get(key);
  if (!slot) return undefined;
  if (clock.nowMs() - slot.at >= MEMO_STALE_MS) {
    kept.delete(key);
    return undefined;
  }
  return slot.value;
}

/**
 * The roll-up under `key`: kept (a stale one is replaced in the background by `compute`), being computed, or
 * computed now by `compute` (and kept when big).
 */
export interface MemoOptions {
  /** Keep roll-ups of at least this many rows (default `MEMO_MIN_ROWS`; tests lower it to keep a small team's). */
  minRows?: number;
  /** Called with a roll-up when it is kept (the dashboard keeps its big branches' first views: branch-view-store.ts). */
  onKept?: (value: IndexedRollup) => void;
}

export async function memoRollup(
  key: string,
  compute: () => Promise<RollupResult>,
  options: MemoOptions = {},
): Promise<IndexedRollup> {
  const held = peekRollup(key);
  if (held) {
    if (clock.nowMs() - held.computedAt.getTime() >= MEMO_TTL_MS && !inFlight.has(key)) {
      // Served now; the next request gets the new read. A failed refresh leaves the stale one until it expires.
      refresh(key, compute, options).catch(() => undefined);
    }
    return held;
  }
  const running = inFlight.get(key);
  if (running) return running;
  return refresh(key, compute, options);
}

/**
 * The roll-up kept under `key` when it holds `nodeId` (a drill or a search inside a branch already read), served as
 * `memoRollup` serves it — a stale one starts its one background read — else undefined (nothing is read).
 */
export function keptRollupHolding(
  key: string,
  nodeId: string,
  compute: () => Promise<RollupResult>,
  options: MemoOptions = {},
): Promise<IndexedRollup> | undefined {
  if (!peekRollup(key)?.index.position.has(nodeId)) return undefined;
  return memoRollup(key, compute, options);
}

async function refresh(
  key: string,
  compute: () => Promise<RollupResult>,
  options: MemoOptions,
): Promise<IndexedRollup> {
  const job = (async () => {
    const computedAt = clock.now();
    const result = await compute();
    const value: IndexedRollup = { result, index: indexBranches(result.rows), computedAt };
    if (result.rows.length >= (options.minRows ?? MEMO_MIN_ROWS)) {
      keep(key, value, computedAt.getTime());
      options.onKept?.(value);
    }
    return value;
  })();
  inFlight.set(key, job);
  try {
    return await job;
  } finally {
    inFlight.delete(key);
  }
}

function keep(key: string, value: IndexedRollup, at: number) {
  kept.delete(key);
  kept.set(key, { at, rows: value.result.rows.length, value });
  let total = 0;
  for (const slot of kept.values()) total += slot.rows;
  for (const [k, slot] of kept) {
    if (total <= MEMO_MAX_ROWS || k === key) break;
    kept.delete(k);
    total -= slot.rows;
  }
}

/** Resolves once every read under way has ended (tests and the benchmark, before they forget what was kept). */
export async function settleRollupMemo(): Promise<void> {
  await Promise.allSettled([...inFlight.values()]);
}

/** Forgets every kept roll-up (tests, and the benchmark's cold reads). */
export function clearRollupMemo(): void {
  kept.clear();
}
