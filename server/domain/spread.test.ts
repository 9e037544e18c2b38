import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanningError } from "./errors";
import { evenSpread } from "./spread";

describe("evenSpread examples", () => {
  it("rejects a phase outside [0, 1)", () => {
    expect(() => evenSpread(5, 3, { num: 2, den: 2 })).toThrow(PlanningError);
  });
});

describe("evenSpread properties", () => {
  it("evenSpread: exact, ⌊total/n⌋ or one more each day, running total within 1 of the even line", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.nat(),
        (total, n, den, r) => {
          const phase = { num: r % den, den };
          const parts = evenSpread(total, n, phase);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          for (const p of parts) expect(p === Math.floor(total / n) || p === Math.floor(total / n) + 1).toBe(true);
          let running = 0;
          parts.forEach((p, i) => {
            running += p;
            expect(Math.abs(running - (total * (i + 1)) / n)).toBeLessThan(1);
          });
        },
      ),
    );
  });

  it("evenSpread stays exact for totals too big for plain arithmetic", () => {
    const parts = evenSpread(9_000_000_000_000, 365, { num: 7, den: 4000 });
    expect(parts.reduce((a, b) => a + b, 0)).toBe(9_000_000_000_000);
  });
});
