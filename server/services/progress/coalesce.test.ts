import { afterEach, describe, expect, it, vi } from "vitest";
import { coalescer } from "./coalesce";

/** A run that ends when told to. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { done, open };
}

describe("coalescer", () => {
  afterEach(() => vi.useRealTimers());

  it("runs once, then once more for every ask made while it ran, with the latest ask's work", async () => {
    const errors = vi.fn();
    const c = coalescer(errors);
    const runs: string[] = [];
    const first = gate();
    const loop = c.ask(
      "goal-1",
      async () => {
        runs.push("first");
        await first.done;
      },
      0,
    );
    expect(loop).not.toBeNull();
    await Promise.resolve();
    for (const name of ["second", "third", "fourth"]) {
      expect(c.ask("goal-1", async () => void runs.push(name), 0)).toBeNull();
    }
    // Another key is not held back by this one.
    const other = c.ask("goal-2", async () => void runs.push("other"), 0);
    expect(other).not.toBeNull();
    await other;
    first.open();
    await loop;
    expect(runs).toEqual(["first", "other", "fourth"]);
    // Done: the next ask starts a run of its own.
    const next = c.ask("goal-1", async () => void runs.push("later"), 0);
    expect(next).not.toBeNull();
    await next;
    expect(runs).toEqual(["first", "other", "fourth", "later"]);
    expect(errors).not.toHaveBeenCalled();
  });

  it("reports a failed run and still runs the one asked for meanwhile", async () => {
    const errors = vi.fn();
    const c = coalescer(errors);
    const first = gate();
    const runs: string[] = [];
    const loop = c.ask(
      "goal-1",
      async () => {
        await first.done;
        throw new Error("the read failed");
      },
      0,
    );
    expect(c.ask("goal-1", async () => void runs.push("again"), 0)).toBeNull();
    first.open();
    await loop;
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls[0]![0]).toBe("goal-1");
    expect((errors.mock.calls[0]![1] as Error).message).toBe("the read failed");
    expect(runs).toEqual(["again"]);
  });

  it("waits the gap after a run before the next, and no gap before the first", async () => {
    vi.useFakeTimers();
    const c = coalescer(vi.fn());
    const runs: number[] = [];
    const first = gate();
    let n = 0;
    const work = async () => {
      runs.push(++n);
      if (n === 1) await first.done;
    };
    const loop = c.ask("goal-1", work, 10_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([1]);
    expect(c.ask("goal-1", work, 10_000)).toBeNull();
    first.open();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(runs).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([1, 2]);
    await loop;
  });
});
