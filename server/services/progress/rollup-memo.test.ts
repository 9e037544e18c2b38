/**
 * The big roll-ups' memo: a small roll-up is never kept (a small team always reads fresh), a big one is served for
 * MEMO_TTL_MS by the one clock and then read again, and concurrent requests share one read.
 */
import { afterEach, describe, expect, it } from "vitest";
import { pinClock } from "@/server/clock";
import type { DashboardRow } from "@/server/domain/rollup";
import type { RollupResult } from "./get-rollup";
import {
  clearRollupMemo,
  keptRollupHolding,
  memoRollup,
  MEMO_MIN_ROWS,
  MEMO_STALE_MS,
  MEMO_TTL_MS,
} from "./rollup-memo";
import { TEST_NOW } from "@/tests/clock";

function result(rows: number): RollupResult {
  const list = Array.from({ length: rows }, (_, i) => ({
    id: `m${i}`,
    parentId: i === 0 ? null : `m${Math.floor((i - 1) / 3)}`,
    name: `Member ${i}`,
  })) as DashboardRow[];
  return { rootId: "m0", rows: list } as RollupResult;
}

afterEach(() => {
  clearRollupMemo();
  pinClock(TEST_NOW);
});

describe("rollup memo", () => {
  it("never keeps a small roll-up", async () => {
    let reads = 0;
    const read = async () => (reads++, result(MEMO_MIN_ROWS - 1));
    await memoRollup("small", read);
    await memoRollup("small", read);
    expect(reads).toBe(2);
  });

  it("tells onKept of each roll-up it keeps, and of no small one", async () => {
    const kept: number[] = [];
    const onKept = (value: { result: RollupResult }) => kept.push(value.result.rows.length);
    await memoRollup("small", async () => result(MEMO_MIN_ROWS - 1), { onKept });
    expect(kept).toEqual([]);
    const big = await memoRollup("big", async () => result(MEMO_MIN_ROWS), { onKept });
    await memoRollup("big", async () => result(MEMO_MIN_ROWS), { onKept }); // served kept: no new read, no call
    expect(kept).toEqual([MEMO_MIN_ROWS]);
    expect(big.result.rows).toHaveLength(MEMO_MIN_ROWS);
  });

  it("serves a big roll-up fresh, then stale while one background read replaces it, then reads it again", async () => {
    const start = pinClock("2026-12-07T10:00:00Z", { frozen: true });
    let reads = 0;
    const read = async () => {
      reads++;
      await new Promise((r) => setTimeout(r, 10));
      return result(MEMO_MIN_ROWS);
    };
    const first = await memoRollup("big", read);
    expect(first.computedAt.getTime()).toBe(start);
    expect(first.index.position.get("m7")).toBe(7);
    pinClock(start + MEMO_TTL_MS - 1, { frozen: true });
    expect(await memoRollup("big", read)).toBe(first);
    expect(reads).toBe(1);
    // Stale: served at once, and ONE read starts behind it (two requests, one read).
    pinClock(start + MEMO_TTL_MS, { frozen: true });
    expect(await memoRollup("big", read)).toBe(first);
    expect(reads).toBe(2);
    await new Promise((r) => setTimeout(r, 30));
    expect(reads).toBe(2);
    const second = await memoRollup("big", read);
    expect(second).not.toBe(first);
    expect(second.computedAt.getTime()).toBe(start + MEMO_TTL_MS);
    // Too old to serve: read before answering.
    pinClock(start + MEMO_TTL_MS + MEMO_STALE_MS, { frozen: true });
    const third = await memoRollup("big", read);
    expect(reads).toBe(3);
    expect(third.computedAt.getTime()).toBe(start + MEMO_TTL_MS + MEMO_STALE_MS);
  });

  it("serves a drill from the kept roll-up holding its node, and a stale one starts its background read", async () => {
    const start = pinClock("2026-12-07T10:00:00Z", { frozen: true });
    let reads = 0;
    const read = async () => (reads++, result(MEMO_MIN_ROWS));
    expect(keptRollupHolding("top", "m7", read)).toBeUndefined(); // nothing kept: nothing read
    expect(reads).toBe(0);
    const first = await memoRollup("top", read);
    expect(await keptRollupHolding("top", "m7", read)).toBe(first);
    expect(keptRollupHolding("top", "elsewhere", read)).toBeUndefined();
    expect(reads).toBe(1);
    pinClock(start + MEMO_TTL_MS, { frozen: true });
    expect(await keptRollupHolding("top", "m7", read)).toBe(first); // served at once…
    await new Promise((r) => setTimeout(r, 10));
    expect(reads).toBe(2); // …while one read replaces it
    const second = await keptRollupHolding("top", "m7", read);
    expect(second?.computedAt.getTime()).toBe(start + MEMO_TTL_MS);
    pinClock(start + MEMO_TTL_MS + MEMO_STALE_MS, { frozen: true });
    expect(keptRollupHolding("top", "m7", read)).toBeUndefined(); // too old to serve
  });

  it("shares one read between concurrent requests, big or small", async () => {
    let reads = 0;
    const read = async () => {
      reads++;
      await new Promise((r) => setTimeout(r, 20));
      return result(10);
    };
    const [a, b, c] = await Promise.all([memoRollup("k", read), memoRollup("k", read), memoRollup("k", read)]);
    expect(reads).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
  });

  it("a failed read is not kept: the next request reads again", async () => {
    let reads = 0;
    await expect(
      memoRollup("fails", async () => {
        reads++;
        throw new Error("database gone");
      }),
    ).rejects.toThrow("database gone");
    await memoRollup("fails", async () => (reads++, result(MEMO_MIN_ROWS)));
    expect(reads).toBe(2);
  });
});
