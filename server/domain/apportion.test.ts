import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion, apportionCumulative, runningTotals, splitEvenly } from "./apportion";
import { PlanningError } from "./errors";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("apportion examples", () => {
  it("gives leftover units to the largest remainders, ties to the lower index", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [1, 2, 3])).toEqual([17, 33, 50]);
    expect(apportion(7, [0, 1, 0, 1])).toEqual([0, 4, 0, 3]);
    expect(apportion(0, [0, 0])).toEqual([0, 0]);
    expect(splitEvenly(10, 4)).toEqual([3, 3, 2, 2]);
  });

  it("rounds running totals for series", () => {
    expect(apportionCumulative(10, [1, 1, 1])).toEqual([3, 4, 3]);
    expect(apportionCumulative(5, [1, 0, 1, 0])).toEqual([3, 0, 2, 0]);
    expect(runningTotals([3, 4, 3], 5)).toEqual([8, 12, 15]);
  });

  it("rejects what cannot be split", () => {
    expect(() => apportion(5, [0, 0])).toThrow(PlanningError);
    expect(() => apportion(5, [])).toThrow(/nothing to split/);
    expect(() => apportion(-1, [1])).toThrow(/cannot be negative/);
    expect(() => apportion(1.5, [1])).toThrow(/whole number/);
    expect(() => apportion(1, [Number.NaN])).toThrow(/Weights/);
    expect(() => apportion(1, [-1, 2])).toThrow(/Weights/);
  });
});

const weightsArb = fc
  .array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 40 })
  .filter((ws) => ws.some((w) => w > 0));

describe("apportion properties", () => {
  it("is exact: parts sum to the total and each is its quota rounded down or up (integer weights)", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), weightsArb, (total, weights) => {
        const parts = apportion(total, weights);
        expect(sum(parts)).toBe(total);
        const W = BigInt(sum(weights));
        parts.forEach((p, i) => {
          const num = BigInt(total) * BigInt(weights[i]!);
          const floor = num / W;
          const ceil = num % W === 0n ? floor : floor + 1n;
          expect(BigInt(p) >= floor && BigInt(p) <= ceil).toBe(true);
          if (weights[i] === 0) expect(p).toBe(0);
        });
      }),
    );
  });

  it("is exact with fractional weights and huge totals (floating path)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc
          .array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 })
          .filter((ws) => ws.some((w) => w > 0)),
        (total, weights) => {
          const parts = apportion(total, weights);
          expect(sum(parts)).toBe(total);
          parts.forEach((p, i) => {
            expect(Number.isSafeInteger(p) && p >= 0).toBe(true);
            if (weights[i] === 0) expect(p).toBe(0);
          });
        },
      ),
    );
  });

  it("never gives the larger weight fewer units", () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), weightsArb, (total, weights) => {
        const parts = apportion(total, weights);
        for (let i = 0; i < weights.length; i++)
          for (let j = 0; j < weights.length; j++)
            if (weights[i]! > weights[j]!) expect(parts[i]!).toBeGreaterThanOrEqual(parts[j]!);
      }),
    );
  });

  it("cumulative rounding keeps every running total within ½ of exact, parts ≥ 0, sum exact", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), weightsArb, (total, weights) => {
        const parts = apportionCumulative(total, weights);
        expect(sum(parts)).toBe(total);
        const W = BigInt(sum(weights));
        let prefixW = 0n;
        let cum = 0n;
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          if (weights[i] === 0) expect(p).toBe(0);
          prefixW += BigInt(weights[i]!);
          cum += BigInt(p);
          // |cum − total·prefixW/W| ≤ ½  ⇔  |2·cum·W − 2·total·prefixW| ≤ W
          const diff = 2n * cum * W - 2n * BigInt(total) * prefixW;
          expect(diff <= W && -diff <= W).toBe(true);
        });
      }),
    );
  });
});
