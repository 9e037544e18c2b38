import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, countWorkingDays, dayOfWeek } from "./calendar";
import { goalPaceDays, lastDueDay, resolvePeriod, shareOfProgress } from "./dashboard-math";
import { dateArb } from "./test-arbitraries";

describe("dashboard math examples", () => {
  it("Monday morning: this week's plan is not due yet; on Tuesday, Monday's is", () => {
    const monday = "2026-11-23";
    expect(dayOfWeek(monday)).toBe(1);
    const week = resolvePeriod({
      period: "week",
      today: monday,
      start: "2026-11-01",
      deadline: "2026-12-31",
      weekStartsOn: 1,
    });
    expect(week).toEqual({ from: monday, to: "2026-11-29", asOf: monday });
    expect(lastDueDay(week.asOf, monday)).toBe("2026-11-22");
    expect(lastDueDay(week.asOf, "2026-11-24")).toBe(monday);
    // A week that has ended (the review's) is due in full.
    expect(lastDueDay("2026-11-22", monday)).toBe("2026-11-22");
  });

  it("a goal that has not started is seen as of the day before its first; one that has ended as of its deadline", () => {
    expect(
      resolvePeriod({
        period: "goal",
        today: "2026-10-01",
        start: "2026-11-01",
        deadline: "2026-12-31",
        weekStartsOn: 1,
      }),
    ).toEqual({
      from: "2026-11-01",
      to: "2026-12-31",
      asOf: "2026-10-31",
    });
    expect(
      resolvePeriod({
        period: "month",
        today: "2027-02-10",
        start: "2026-11-01",
        deadline: "2026-12-31",
        weekStartsOn: 1,
      }),
    ).toEqual({
      from: "2026-12-01",
      to: "2026-12-31",
      asOf: "2026-12-31",
    });
  });

  it("a share of progress rounds half up, exactly, also beyond 2^53", () => {
    expect(shareOfProgress(1, 1, 2)).toBe(1);
    expect(shareOfProgress(1, 1, 3)).toBe(0);
    // 2e12 · 3e12 / 4,000,000,000,001 = 1,499,999,999,999.625 (the product is far beyond 2^53).
    expect(shareOfProgress(2_000_000_000_000, 3_000_000_000_000, 4_000_000_000_001)).toBe(1_500_000_000_000);
    // 3e12 · 1e12 / 8,000,000,000,001 = 374,999,999,999.953…; and an exact half rounds up.
    expect(shareOfProgress(3_000_000_000_000, 1_000_000_000_000, 8_000_000_000_001)).toBe(375_000_000_000);
    expect(shareOfProgress(3_000_000_000_001, 1_000_000_000_000, 2_000_000_000_000)).toBe(1_500_000_000_001);
  });

  it("rejects a deadline before the start", () => {
    expect(() =>
      resolvePeriod({
        period: "goal",
        today: "2026-11-01",
        start: "2026-12-01",
        deadline: "2026-11-30",
        weekStartsOn: 1,
      }),
    ).toThrow(/deadline is before its start/);
  });
});

describe("dashboard math properties", () => {
  const safeShare = fc.integer({ min: 0, max: 2 ** 40 });

  it("a member's period targets (differences of shareOfProgress) are whole, ≥ 0 and add up to the share", () => {
    fc.assert(
      fc.property(
        safeShare,
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        (share, total, cuts) => {
          const points = [0, ...cuts.map((c) => c % (total + 1)).sort((a, b) => a - b), total];
          let sum = 0;
          for (let i = 1; i < points.length; i++) {
            const part = shareOfProgress(share, points[i]!, total) - shareOfProgress(share, points[i - 1]!, total);
            expect(Number.isSafeInteger(part)).toBe(true);
            expect(part).toBeGreaterThanOrEqual(0);
            sum += part;
          }
          expect(sum).toBe(share);
        },
      ),
    );
  });

  it("shareOfProgress is within ½ of share · progress / total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 7 }),
        fc.integer({ min: 1, max: 10 ** 7 }),
        fc.nat(),
        (share, total, p) => {
          const progress = p % (total + 1);
          expect(Math.abs(shareOfProgress(share, progress, total) - (share * progress) / total)).toBeLessThanOrEqual(
            0.5,
          );
        },
      ),
    );
  });

  it("a period lies inside the goal, holds its day, and its as-of day is within it (or the day before it)", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -60, max: 460 }),
        fc.constantFrom("week", "month", "goal") as fc.Arbitrary<"week" | "month" | "goal">,
        fc.integer({ min: 0, max: 6 }),
        (start, length, offset, period, weekStartsOn) => {
          const deadline = addDays(start, length);
          const today = addDays(start, offset);
          const r = resolvePeriod({ period, today, start, deadline, weekStartsOn });
          expect(start <= r.from && r.from <= r.to && r.to <= deadline).toBe(true);
          expect(addDays(r.from, -1) <= r.asOf && r.asOf <= r.to).toBe(true);
          if (today >= start && today <= deadline) {
            expect(r.from <= today && today <= r.to).toBe(true);
            expect(r.asOf).toBe(today);
          }
          if (period === "week" && r.from > start) expect(dayOfWeek(r.from)).toBe(weekStartsOn);
        },
      ),
    );
  });

  it("the last due day is before the current day and never after the as-of day; a past day is due in full", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -30, max: 30 }), (currentDay, offset) => {
        const asOf = addDays(currentDay, offset);
        const due = lastDueDay(asOf, currentDay);
        expect(due < currentDay && due <= asOf).toBe(true);
        expect(due).toBe(asOf < currentDay ? asOf : addDays(currentDay, -1));
      }),
    );
  });

  it("the pace days: due through yesterday, the catch-up counts today while it is under way, the forecast does not", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), fc.integer({ min: -10, max: 70 }), (start, len, offset) => {
        const deadline = addDays(start, len);
        const currentDay = addDays(start, offset);
        const asOf = resolvePeriod({ period: "goal", today: currentDay, start, deadline, weekStartsOn: 1 }).asOf;
        const d = goalPaceDays({ start, deadline, asOf, currentDay, workingDays: [1, 2, 3, 4, 5] });
        expect(d.dueThrough).toBe(lastDueDay(asOf, currentDay));
        const open = (from: string) =>
          from <= deadline ? countWorkingDays(from < start ? start : from, deadline, [1, 2, 3, 4, 5]) : 0;
        expect(d.forecastOpenDays).toBe(open(addDays(asOf, 1)));
        expect(d.remainingOpenDays).toBe(open(addDays(d.dueThrough, 1)));
        expect(d.windowOpenDays).toBeLessThanOrEqual(10);
        expect(d.openDaysPerWeek).toBe(5);
      }),
    );
  });
});
