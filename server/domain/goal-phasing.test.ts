import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek, fromDayNumber, toDayNumber, type IsoDate } from "./calendar";
import {
  curveOf,
  DEFAULT_CURVE_STRENGTH_PCT,
  holidayDays,
  periodOf,
  phaseGoal,
  ruleOf,
  type DbCurve,
  type GoalShape,
} from "./goal-phasing";
import { toDbDay } from "./db-day";
import { dateArb, workingDaysArb } from "./test-arbitraries";

const WEEKDAYS = { weekStartsOn: 1, workingDays: [1, 2, 3, 4, 5] };

const goal = (over: Partial<GoalShape> = {}): GoalShape => ({
  target: 10_000,
  baseline: 0,
  startDate: "2026-11-02",
  deadline: "2026-11-27",
  period: "WEEK",
  curve: "LINEAR",
  curveStrength: null,
  checkpoints: null,
  ...over,
});

describe("goal-phasing: the DB enums", () => {
  it("maps every stored period and split rule", () => {
    expect((["DAY", "WEEK", "MONTH"] as const).map(periodOf)).toEqual(["day", "week", "month"]);
    expect((["EVEN", "HISTORY", "WEIGHT"] as const).map(ruleOf)).toEqual(["even", "history", "weight"]);
  });

  it("maps every stored curve; the strength defaults to 50 % and is clamped to 0–100", () => {
    expect(curveOf({ curve: "LINEAR", curveStrength: 80, checkpoints: null })).toEqual({ kind: "linear" });
    expect(curveOf({ curve: "FRONT_LOADED", curveStrength: null, checkpoints: null })).toEqual({
      kind: "front-loaded",
      strength: DEFAULT_CURVE_STRENGTH_PCT / 100,
    });
    expect(curveOf({ curve: "BACK_LOADED", curveStrength: 30, checkpoints: null })).toEqual({
      kind: "back-loaded",
      strength: 0.3,
    });
    expect(curveOf({ curve: "FRONT_LOADED", curveStrength: 250, checkpoints: null })).toEqual({
      kind: "front-loaded",
      strength: 1,
    });
    expect(curveOf({ curve: "BACK_LOADED", curveStrength: -40, checkpoints: null })).toEqual({
      kind: "back-loaded",
      strength: 0,
    });
    const checkpoints = [{ weeksToGo: 1, cumulative: 5_000 }];
    expect(curveOf({ curve: "CUSTOM", curveStrength: null, checkpoints })).toEqual({ kind: "custom", checkpoints });
    // Checkpoints stored as something other than a list (a hand edit) phase as none.
    expect(curveOf({ curve: "CUSTOM", curveStrength: null, checkpoints: { broken: true } })).toEqual({
      kind: "custom",
      checkpoints: [],
    });
  });

  it("reads the goal's holidays as sorted calendar days, from Date columns or days", () => {
    expect(holidayDays({ holidays: [toDbDay("2026-12-25"), "2026-11-26"] })).toEqual(["2026-11-26", "2026-12-25"]);
    expect(holidayDays({})).toEqual([]);
  });
});

describe("phaseGoal", () => {
  it("phases a stored goal (Date columns) like the same goal given as days", () => {
    const fromDays = phaseGoal(goal(), WEEKDAYS);
    const fromDates = phaseGoal(goal({ startDate: toDbDay("2026-11-02"), deadline: toDbDay("2026-11-27") }), WEEKDAYS);
    expect(fromDates).toEqual(fromDays);
    expect(fromDays.days.at(-1)!.cumulative).toBe(10_000);
    expect(fromDays.periods).toHaveLength(4);
  });

  it("plans nothing on the goal's holidays", () => {
    const plan = phaseGoal(goal({ holidays: ["2026-11-26"] }), WEEKDAYS);
    expect(plan.closedDays).toEqual(["2026-11-26"]);
    expect(plan.days.find((d) => d.date === "2026-11-26")!.increment).toBe(0);
    expect(plan.days.at(-1)!.cumulative).toBe(10_000);
  });

  it("a strength stored outside 0–100 phases exactly as its clamp", () => {
    const over = phaseGoal(goal({ curve: "FRONT_LOADED", curveStrength: 400 }), WEEKDAYS);
    const clamped = phaseGoal(goal({ curve: "FRONT_LOADED", curveStrength: 100 }), WEEKDAYS);
    expect(over.days).toEqual(clamped.days);
  });

  const storedGoalArb = fc
    .record({
      start: dateArb,
      length: fc.integer({ min: 7, max: 200 }),
      target: fc.integer({ min: 1, max: 10_000_000 }),
      baselinePart: fc.double({ min: 0, max: 0.9, noNaN: true }),
      period: fc.constantFrom("DAY", "WEEK", "MONTH" as const),
      curve: fc.constantFrom<DbCurve>("LINEAR", "FRONT_LOADED", "BACK_LOADED"),
      curveStrength: fc.option(fc.integer({ min: -1_000, max: 1_000 })),
      holidayOffsets: fc.uniqueArray(fc.nat({ max: 199 }), { maxLength: 5 }),
      workingDays: workingDaysArb,
      weekStartsOn: fc.integer({ min: 0, max: 6 }),
    })
    .map((r) => {
      const deadline = addDays(r.start, r.length - 1);
      const holidays = r.holidayOffsets.filter((k) => k < r.length).map((k) => addDays(r.start, k));
      const baseline = Math.floor(r.target * r.baselinePart);
      return { ...r, deadline, holidays, baseline };
    });

  /** Is some day of [start, deadline] a working weekday that is not a holiday? */
  const hasOpenDay = (start: IsoDate, deadline: IsoDate, workingDays: number[], holidays: IsoDate[]) => {
    for (let dn = toDayNumber(start); dn <= toDayNumber(deadline); dn++) {
      const day = fromDayNumber(dn);
      if (workingDays.includes(dayOfWeek(day)) && !holidays.includes(day)) return true;
    }
    return false;
  };

  it("every stored curve, period and strength phases: cumulative rises from the baseline to the target, nothing on closed days", () => {
    fc.assert(
      fc.property(storedGoalArb, (g) => {
        fc.pre(hasOpenDay(g.start, g.deadline, g.workingDays, g.holidays));
        const plan = phaseGoal(
          {
            target: g.target,
            baseline: g.baseline,
            startDate: g.start,
            deadline: g.deadline,
            period: g.period,
            curve: g.curve,
            curveStrength: g.curveStrength,
            checkpoints: null,
            holidays: g.holidays,
          },
          { weekStartsOn: g.weekStartsOn, workingDays: g.workingDays },
        );
        expect(plan.days).toHaveLength(g.length);
        expect(plan.days.at(-1)!.cumulative).toBe(g.target);
        let previous = g.baseline;
        for (const d of plan.days) {
          expect(d.increment).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(d.increment)).toBe(true);
          expect(d.cumulative).toBe(previous + d.increment);
          if (g.holidays.includes(d.date)) expect(d.increment).toBe(0);
          previous = d.cumulative;
        }
        expect(plan.periods.reduce((s, p) => s + p.increment, 0)).toBe(g.target - g.baseline);
      }),
      { numRuns: 200 },
    );
  });

  it("the strength is clamped: any stored strength phases as its value clamped to 0–100", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<DbCurve>("FRONT_LOADED", "BACK_LOADED"),
        fc.integer({ min: -10_000, max: 10_000 }),
        (curve, curveStrength) => {
          const stored = phaseGoal(goal({ curve, curveStrength }), WEEKDAYS);
          const clamped = phaseGoal(
            goal({ curve, curveStrength: Math.min(100, Math.max(0, curveStrength)) }),
            WEEKDAYS,
          );
          expect(stored.days).toEqual(clamped.days);
          const c = curveOf({ curve, curveStrength, checkpoints: null });
          expect(c.kind !== "linear" && c.kind !== "custom" && c.strength >= 0 && c.strength <= 1).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
