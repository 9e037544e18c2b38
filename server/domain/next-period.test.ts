import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, diffDays, endOfPeriod, fromDayNumber, startOfPeriod, toDayNumber } from "./calendar";
import { carryCheckpoints, nextGoalName, nextPeriod } from "./next-period";

const day = fc.integer({ min: toDayNumber("2020-01-01"), max: toDayNumber("2035-12-31") }).map((n) => fromDayNumber(n));

describe("the period after a closed goal", () => {
  it("follows a month with the next month, and any other goal with as many days", () => {
    expect(nextPeriod({ start: "2027-01-01", deadline: "2027-01-31" }, "2027-02-01")).toEqual({
      start: "2027-02-01",
      deadline: "2027-02-28",
      monthly: true,
      skipped: 0,
    });
    expect(nextPeriod({ start: "2027-01-01", deadline: "2027-03-31" }, "2027-04-01")).toMatchObject({
      start: "2027-04-01",
      deadline: "2027-06-30",
    });
    expect(nextPeriod({ start: "2027-01-05", deadline: "2027-01-18" }, "2027-01-19")).toMatchObject({
      start: "2027-01-19",
      deadline: "2027-02-01",
      monthly: false,
    });
    // Back three months late: the first month that has not ended.
    expect(nextPeriod({ start: "2027-01-01", deadline: "2027-01-31" }, "2027-04-10")).toEqual({
      start: "2027-04-01",
      deadline: "2027-04-30",
      monthly: true,
      skipped: 2,
    });
  });

  it("starts right after the deadline (or whole periods later), keeps the length, and has not ended by today", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 800 }), (start, len, late) => {
        const deadline = addDays(start, len);
        const today = addDays(deadline, late);
        const next = nextPeriod({ start, deadline }, today);
        expect(next.deadline >= today).toBe(true);
        expect(next.start > deadline).toBe(true);
        expect(next.start <= next.deadline).toBe(true);
        if (next.skipped === 0) expect(next.start).toBe(addDays(deadline, 1));
        if (next.monthly) {
          expect(startOfPeriod(next.start, "month")).toBe(next.start);
          expect(endOfPeriod(next.deadline, "month")).toBe(next.deadline);
        } else {
          expect(diffDays(next.start, next.deadline)).toBe(len);
          expect(diffDays(deadline, next.start) % (len + 1)).toBe(1 % (len + 1));
          // Not one period too far: the period before it had ended.
          expect(addDays(next.start, -1) < today).toBe(true);
        }
      }),
    );
  });
});

describe("checkpoints carried to the next goal", () => {
  it("keeps the counted-back ones, scaled and in order, and drops dated ones", () => {
    expect(
      carryCheckpoints(
        [
          { weeksToGo: 2, cumulative: 300 },
          { date: "2027-01-20", cumulative: 500 },
          { daysToGo: 3, cumulative: 900 },
        ],
        { target: 1_000, baseline: 0 },
        2_000,
      ),
    ).toEqual([
      { weeksToGo: 2, cumulative: 600 },
      { daysToGo: 3, cumulative: 1_800 },
    ]);
  });

  it("never leaves the new target's range and keeps the order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 8 }).map((a) => a.sort((x, y) => x - y)),
        fc.nat({ max: 500_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (cums, baseline, newTarget) => {
          const out = carryCheckpoints(
            cums.map((c, i) => ({ weeksToGo: cums.length - i, cumulative: c })),
            { target: baseline + 1_000_000, baseline },
            newTarget,
          );
          expect(out).toHaveLength(cums.length);
          for (let i = 0; i < out.length; i++) {
            expect(out[i]!.cumulative).toBeGreaterThanOrEqual(0);
            expect(out[i]!.cumulative).toBeLessThanOrEqual(newTarget);
            if (i > 0) expect(out[i]!.cumulative).toBeGreaterThanOrEqual(out[i - 1]!.cumulative);
          }
        },
      ),
    );
  });
});

describe("the next goal's name", () => {
  it("says the month (or the start), replacing an earlier one", () => {
    const april = nextPeriod({ start: "2027-03-01", deadline: "2027-03-31" }, "2027-04-01");
    expect(nextGoalName("Volume push", april)).toBe("Volume push — April 2027");
    expect(nextGoalName("Volume push — March 2027", april)).toBe("Volume push — April 2027");
    const days = nextPeriod({ start: "2027-03-03", deadline: "2027-03-16" }, "2027-03-17");
    expect(nextGoalName("Sprint", days)).toBe("Sprint — from 17 Mar 2027");
    expect(nextGoalName("x".repeat(200), april).length).toBeLessThanOrEqual(120);
  });
});
