import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanningError } from "./errors";
import { phasePlan } from "./phasing";
import { rephaseRest, replannedRow } from "./replan-rest";

/** Days with a shape (0 on closed days) and which are open. */
const daysArb = fc
  .array(
    fc.oneof(
      fc.record({ open: fc.constant(true), w: fc.integer({ min: 0, max: 5_000 }) }),
      fc.record({ open: fc.constant(false), w: fc.constant(0) }),
    ),
    { minLength: 1, maxLength: 60 },
  )
  .filter((ds) => ds.some((d) => d.open));

const amountsArb = fc.record({
  actual: fc.integer({ min: -1_000, max: 2_000_000 }),
  target: fc.integer({ min: 0, max: 2_000_000 }),
});

describe("rephaseRest examples", () => {
  it("re-phases a front-loaded month from the actual, keeping its shape", () => {
    const plan = phasePlan({
      start: "2026-12-01",
      deadline: "2026-12-31",
      target: 100_000,
      curve: { kind: "front-loaded", strength: 0.5 },
    });
    const from = plan.days.findIndex((d) => d.date === "2026-12-14");
    const rest = plan.days.slice(from);
    const r = rephaseRest({
      shape: rest.map((d) => d.increment),
      open: rest.map((d) => d.working),
      actual: 30_000,
      target: 100_000,
    });
    expect(r.missing).toBe(70_000);
    expect(r.cumulative.at(-1)).toBe(100_000);
    // Front-loaded stays front-loaded: the first open day carries more than the last one.
    const openIncrements = r.increments.filter((_, k) => rest[k]!.working);
    expect(openIncrements[0]!).toBeGreaterThan(openIncrements.at(-1)!);
    // Weekends stay empty.
    rest.forEach((d, k) => {
      if (!d.working) expect(r.increments[k]).toBe(0);
    });
  });

  it("a commitment for the first week is met exactly that week, the rest after it", () => {
    const r = rephaseRest({
      shape: [10, 10, 10, 10, 10, 0, 0, 10, 10, 10, 10, 10],
      open: [true, true, true, true, true, false, false, true, true, true, true, true],
      actual: 20,
      target: 120,
      fixed: { from: 0, to: 6, amount: 30 },
    });
    expect(r.increments.slice(0, 7).reduce((s, x) => s + x, 0)).toBe(30);
    expect(r.increments.slice(7).reduce((s, x) => s + x, 0)).toBe(70);
    expect(r.cumulative.at(-1)).toBe(120);
  });

  it("refuses a rest with no open day left, and a commitment that leaves no day after it", () => {
    expect(() => rephaseRest({ shape: [0, 0], open: [false, false], actual: 0, target: 10 })).toThrow(
      expect.objectContaining({ code: "no_day_left" }) as unknown as PlanningError,
    );
    expect(() =>
      rephaseRest({ shape: [5, 5], open: [true, true], actual: 0, target: 10, fixed: { from: 0, to: 1, amount: 4 } }),
    ).toThrow(expect.objectContaining({ code: "no_day_after_commitment" }) as unknown as PlanningError);
  });

  it("the row before the re-plan is what was done, so its running total is continuous", () => {
    const row = replannedRow([3, 0, 4], [2, 1]);
    expect(row).toEqual([3, 0, 4, 2, 1]);
  });
});

describe("rephaseRest properties", () => {
  it("reaches exactly the target at the deadline, never below the actual, whole and ≥ 0, zero where the shape is", () => {
    fc.assert(
      fc.property(daysArb, amountsArb, (days, { actual, target }) => {
        const shape = days.map((d) => d.w);
        const open = days.map((d) => d.open);
        const r = rephaseRest({ shape, open, actual, target });
        expect(r.missing).toBe(Math.max(0, target - actual));
        expect(r.increments.reduce((s, x) => s + x, 0)).toBe(r.missing);
        expect(r.cumulative.at(-1)).toBe(Math.max(target, actual));
        let previous = actual;
        for (let k = 0; k < days.length; k++) {
          const x = r.increments[k]!;
          expect(Number.isSafeInteger(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(r.cumulative[k]!).toBeGreaterThanOrEqual(previous);
          expect(r.cumulative[k]!).toBeGreaterThanOrEqual(actual);
          previous = r.cumulative[k]!;
          if (!days[k]!.open) expect(x).toBe(0);
          if (shape.some((w) => w > 0) && shape[k] === 0) expect(x).toBe(0);
        }
      }),
    );
  });

  it("keeps the curve's shape: every running total within ½ of its exact proportional share", () => {
    fc.assert(
      fc.property(
        daysArb.filter((ds) => ds.some((d) => d.w > 0)),
        amountsArb,
        (days, { actual, target }) => {
          const shape = days.map((d) => d.w);
          const r = rephaseRest({ shape, open: days.map((d) => d.open), actual, target });
          const total = shape.reduce((s, x) => s + x, 0);
          let w = 0;
          shape.forEach((x, k) => {
            w += x;
            const exact = actual + (r.missing * w) / total;
            expect(Math.abs(r.cumulative[k]! - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
          });
        },
      ),
    );
  });

  it("a commitment gets min(amount, missing) on its days, and the target is still reached exactly", () => {
    fc.assert(
      fc.property(
        daysArb.filter((ds) => ds.length >= 2),
        amountsArb,
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.nat(),
        fc.nat(),
        (days, { actual, target }, amount, a, b) => {
          const n = days.length;
          const from = a % n;
          const to = from + (b % (n - from));
          const shape = days.map((d) => d.w);
          const open = days.map((d) => d.open);
          let r;
          try {
            r = rephaseRest({ shape, open, actual, target, fixed: { from, to, amount } });
          } catch (e) {
            // Only refused when some part has no open day to go on.
            expect(e).toBeInstanceOf(PlanningError);
            return;
          }
          const inside = r.increments.slice(from, to + 1).reduce((s, x) => s + x, 0);
          expect(inside).toBe(Math.min(amount, r.missing));
          expect(r.fixedAmount).toBe(inside);
          expect(r.cumulative.at(-1)).toBe(Math.max(actual, target));
          for (const x of r.increments) expect(Number.isSafeInteger(x) && x >= 0).toBe(true);
        },
      ),
    );
  });
});
