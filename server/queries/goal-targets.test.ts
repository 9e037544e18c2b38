/** When a change's history carries the split before and after instead of arrays (recordsAsSplits). */
import { describe, expect, it } from "vitest";
import { recordsAsSplits } from "./goal-targets";

describe("recordsAsSplits", () => {
  const split = (slots: number) => new Uint8Array(slots * 8);
  it("takes the splits from a quarter of the slots moved, the arrays below, and never for nobody", () => {
    expect(recordsAsSplits(100_000, split(100_000))).toBe(true);
    expect(recordsAsSplits(25_000, split(100_000))).toBe(true);
    expect(recordsAsSplits(24_999, split(100_000))).toBe(false);
    expect(recordsAsSplits(3, split(100_000))).toBe(false);
    expect(recordsAsSplits(2, split(8))).toBe(true);
    expect(recordsAsSplits(0, split(8))).toBe(false);
  });
});
