import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanningError } from "./errors";
import { proposeNextTarget } from "./next-target";

describe("the month from last month", () => {
  it("aims higher with nice round numbers", () => {
    expect(proposeNextTarget(500_000, 10, "money")).toEqual({ target: 550_000, unrounded: 550_000, step: 5_000 }); // $5k → $5.5k
    expect(proposeNextTarget(5_234_567, 0, "money").target).toBe(5_250_000); // £52,345.67 → £52,500
    expect(proposeNextTarget(10, 10, "count").target).toBe(11); // not 12 from 11.000000000000002
    expect(proposeNextTarget(7, 10, "count").target).toBe(8);
    expect(proposeNextTarget(0, 20, "money").target).toBe(0);
    expect(proposeNextTarget(1_000, -10, "count").target).toBe(900);
    expect(() => proposeNextTarget(100, 2000, "count")).toThrow(PlanningError);
  });

  it("with stretch ≥ 0: never below last actual, on the step, within one step of the exact stretch", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1e11 }),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom("money" as const, "count" as const),
        (last, stretch, unit) => {
          const { target, unrounded, step } = proposeNextTarget(last, stretch, unit);
          expect(target).toBeGreaterThanOrEqual(last);
          expect(target).toBeGreaterThanOrEqual(unrounded - 1e-6);
          expect(target - unrounded).toBeLessThan(step);
          expect(target % step).toBe(0);
          if (unit === "money") expect(step <= 100 || step <= unrounded / 100).toBe(true);
        },
      ),
    );
  });
});
