import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import {
  PACE_THRESHOLDS,
  assessPace,
  paceModel,
  paceNoteText,
  paceStatus,
  replanCatchUp,
  type DailyActual,
  type PaceModelInput,
} from "./pace";
import { cumulativeOn, phasePlan, type Curve, type PhasingInput } from "./phasing";
import { dateArb, workingDaysArb } from "./test-arbitraries";

const seedPlan = phasePlan({
  start: "2026-12-01",
  deadline: "2026-12-31",
  target: 5_000_000,
  curve: {
    kind: "custom",
    checkpoints: [
      { weeksToGo: 1, cumulative: 4_200_000 },
      { weeksToGo: 2, cumulative: 3_000_000 },
      { weeksToGo: 3, cumulative: 2_000_000 },
    ],
  },
});

/** £2,250 on each working day from the 1st to the 10th: £18,000 against £20,000 planned. */
const seedActuals: DailyActual[] = seedPlan.days
  .filter((d) => d.working && d.date <= "2026-12-10")
  .map((d) => ({ date: d.date, amount: 225_000 }));

describe("pace examples", () => {
  it("thresholds live in one constant", () => {
    expect(PACE_THRESHOLDS).toEqual({ ahead: 1.05, onTrack: 0.95, atRisk: 0.8 });
    expect(paceStatus(105, 100)).toBe("ahead");
    expect(paceStatus(104, 100)).toBe("on_track");
    expect(paceStatus(95, 100)).toBe("on_track");
    expect(paceStatus(94, 100)).toBe("at_risk");
    expect(paceStatus(80, 100)).toBe("at_risk");
    expect(paceStatus(79, 100)).toBe("behind");
    expect(paceStatus(0, 0)).toBe("on_track");
    expect(paceStatus(1, 0)).toBe("ahead");
    expect(paceStatus(1_090, 1_100, 1_000)).toBe("at_risk"); // 90 of 100 since the baseline
  });

  it("the seed month on 10 December: £18,000 of £20,000 expected is at risk", () => {
    const report = assessPace({ plan: seedPlan, actuals: seedActuals, asOf: "2026-12-10" });
    expect(report).toMatchObject({
      expectedToDate: 2_000_000,
      actualToDate: 1_800_000,
      gap: -200_000,
      status: "at_risk",
      runRate: 225_000,
      remainingWorkingDays: 15,
      forecastAtDeadline: 1_800_000 + 15 * 225_000,
    });
  });

  it("catch-up: the £32,000 still missing follows the rest of the curve; the pace model says what each week must bring", () => {
    const { catchUp, pace } = assessPace({ plan: seedPlan, actuals: seedActuals, asOf: "2026-12-10" });
    // Behind the plan (£18,000 of £20,000), yet £2,250 a day reaches £51,750: the catch-up is the pace that finishes
    // on target — £32,000 over 15 open days (3 weeks) — not only the £2,000 behind the plan.
    expect(pace).toMatchObject({
      status: "at_risk",
      forecast: 5_175_000,
      shortfallAtDeadline: 0,
      missing: 3_200_000,
      note: "behind_but_reaching",
    });
    expect(pace.catchUp).toEqual({ perWeek: 1_066_667, perDay: 213_334 });
    expect(catchUp.remaining).toBe(3_200_000);
    expect(catchUp.shortfall).toBe(200_000);
    expect(catchUp.feasible).toBe(true);
    // Original remaining: £2,000 / £2,400 / £1,600 a day in the last three stretches; all scaled by 32/30.
    const working = catchUp.days.filter((d) => d.working).map((d) => d.increment);
    expect(working.slice(0, 5).every((x) => Math.abs(x - 213_333.33) <= 1)).toBe(true);
    expect(working.slice(5, 10).every((x) => x === 256_000)).toBe(true);
    expect(working.slice(10).every((x) => Math.abs(x - 170_666.67) <= 1)).toBe(true);
    expect(catchUp.days[catchUp.days.length - 1]!.cumulative).toBe(5_000_000);
    expect(catchUp.next).toEqual({ date: "2026-12-11", increment: working[0] });
    const firstWeek = catchUp.periods[0]!;
    expect([firstWeek.periodStart, firstWeek.periodEnd, firstWeek.originalIncrement]).toEqual([
      "2026-12-11",
      "2026-12-13",
      200_000,
    ]);
    expect(firstWeek.extra).toBe(firstWeek.increment - 200_000);
    expect(catchUp.periods.reduce((s, p) => s + p.extra, 0)).toBe(200_000);
  });

  it("forecasts from the last ten working days only", () => {
    const plan = phasePlan({ start: "2026-06-01", deadline: "2026-06-30", target: 500_000 });
    const actuals: DailyActual[] = plan.days
      .filter((d) => d.working && d.date <= "2026-06-19")
      .map((d, i) => ({ date: d.date, amount: i < 5 ? 0 : 30_000 }));
    const report = assessPace({ plan, actuals, asOf: "2026-06-19" });
    expect(report.runRate).toBe(30_000); // the idle first week is outside the window
    expect(report.forecastAtDeadline).toBe(300_000 + 7 * 30_000);
    expect(report.expectedToDate).toBe(340_909); // 15 of 22 working days
    expect(report.status).toBe("at_risk"); // 300,000 / 340,909 ≈ 0.88
  });

  it("cannot catch up after the deadline; before the start the re-plan is the plan", () => {
    const after = replanCatchUp(seedPlan, 4_000_000, "2026-12-31");
    expect(after).toMatchObject({ remaining: 1_000_000, feasible: false, next: null, days: [] });
    const before = replanCatchUp(seedPlan, 0, "2026-11-30");
    expect(before.days.map((d) => d.increment)).toEqual(seedPlan.days.map((d) => d.increment));
    const done = replanCatchUp(seedPlan, 6_000_000, "2026-12-10");
    expect(done.remaining).toBe(0);
    expect(done.days.every((d) => d.increment === 0)).toBe(true);
  });
});

const scenarioArb = fc
  .record({
    start: dateArb,
    length: fc.integer({ min: 1, max: 80 }),
    target: fc.nat({ max: 10_000_000 }),
    workingDays: workingDaysArb,
    curveKind: fc.constantFrom("linear", "front-loaded", "back-loaded"),
    strength: fc.double({ min: 0, max: 1, noNaN: true }),
    asOfOffset: fc.integer({ min: -3, max: 85 }),
    performance: fc.double({ min: 0, max: 2, noNaN: true }),
  })
  .map((r) => {
    const curve: Curve =
      r.curveKind === "linear"
        ? { kind: "linear" }
        : { kind: r.curveKind as "front-loaded" | "back-loaded", strength: r.strength };
    const input: PhasingInput = {
      start: r.start,
      deadline: addDays(r.start, r.length - 1),
      target: r.target,
      workingDays: r.workingDays,
      curve,
    };
    return { input, asOf: addDays(r.start, r.asOfOffset), performance: r.performance };
  });

describe("pace properties", () => {
  it("catch-up increments are whole, zero on non-working days, and sum exactly to what is missing", () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, asOf, performance }) => {
        let plan;
        try {
          plan = phasePlan(input);
        } catch {
          return; // no working day in the range
        }
        const actuals = plan.days
          .filter((d) => d.date <= asOf)
          .map((d) => ({ date: d.date, amount: Math.round(d.increment * performance) }));
        const report = assessPace({ plan, actuals, asOf });
        const c = report.catchUp;
        expect(report.actualToDate).toBe(actuals.reduce((s, a) => s + a.amount, 0));
        expect(report.expectedToDate).toBe(cumulativeOn(plan, asOf));
        expect(c.remaining).toBe(Math.max(0, plan.target - report.actualToDate));
        for (const d of c.days) {
          expect(Number.isSafeInteger(d.increment) && d.increment >= 0).toBe(true);
          if (!d.working) expect(d.increment).toBe(0);
        }
        const planned = c.days.reduce((s, d) => s + d.increment, 0);
        if (c.feasible) expect(planned).toBe(c.remaining);
        else expect(c.remaining > 0 && c.days.every((d) => !d.working)).toBe(true);
        expect(c.periods.reduce((s, p) => s + p.increment, 0)).toBe(planned);
      }),
      { numRuns: 300 },
    );
  });

  it("the re-plan keeps the remaining shape of the curve: running totals within ½ of the original scaled", () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, asOf, performance }) => {
        let plan;
        try {
          plan = phasePlan(input);
        } catch {
          return;
        }
        const actual = Math.round(cumulativeOn(plan, asOf) * performance);
        const c = replanCatchUp(plan, actual, asOf);
        const original = c.days.map((d) => d.originalIncrement);
        const W = original.reduce((a, b) => a + b, 0);
        if (W === 0 || !c.feasible) return;
        let prefix = 0;
        let cum = 0;
        c.days.forEach((d, k) => {
          prefix += original[k]!;
          cum += d.increment;
          expect(Math.abs(cum - (c.remaining * prefix) / W)).toBeLessThanOrEqual(0.5 + 1e-6);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("status follows the thresholds and the forecast equals actual + run rate × days left", () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, asOf, performance }) => {
        let plan;
        try {
          plan = phasePlan(input);
        } catch {
          return;
        }
        const actuals = plan.days
          .filter((d) => d.date <= asOf)
          .map((d) => ({ date: d.date, amount: Math.round(d.increment * performance) }));
        const r = assessPace({ plan, actuals, asOf });
        expect(r.status).toBe(paceStatus(r.actualToDate, r.expectedToDate, plan.baseline));
        if (r.runRate === null) expect(r.forecastAtDeadline).toBeNull();
        else expect(r.forecastAtDeadline).toBe(r.actualToDate + Math.round(r.runRate * r.remainingWorkingDays));
      }),
      { numRuns: 200 },
    );
  });
});

describe("the pace model (paceModel): expected, status, forecast and catch-up never contradict", () => {
  const base: PaceModelInput = {
    actual: 0,
    expected: 0,
    target: 5_000_000,
    window: { sum: 0, openDays: 10 },
    forecastOpenDays: 40,
    remainingOpenDays: 41,
    openDaysPerWeek: 5,
  };

  it("the issue's dashboard: ahead of the plan so far, but the run rate falls short — never 'None needed'", () => {
    // £183 of £173 expected (ahead), £11 a day over the last 10 days, 40 open days left of a £5,000 target.
    const m = paceModel({
      ...base,
      actual: 18_300,
      expected: 17_300,
      target: 500_000,
      window: { sum: 11_000, openDays: 10 },
    });
    expect(m.status).toBe("ahead");
    expect(m.forecast).toBe(18_300 + 1_100 * 40);
    expect(m.shortfallAtDeadline).toBe(500_000 - 62_300);
    expect(m.note).toBe("short_at_this_pace");
    expect(paceNoteText(m)).toBe("Ahead of the plan so far, but the recent pace falls short of the target.");
    // What is missing (£4,817) over 41 open days: ⌈481,700 · 5 / 41⌉ a week, ⌈481,700 / 41⌉ a day.
    expect(m.catchUp).toEqual({ perWeek: 58_744, perDay: 11_749 });
  });

  it("examples: on course, too early, reached, out of time", () => {
    expect(
      paceModel({
        ...base,
        actual: 100,
        expected: 100,
        target: 200,
        window: { sum: 50, openDays: 10 },
        forecastOpenDays: 20,
      }),
    ).toMatchObject({
      note: "on_course",
      forecast: 200,
      catchUp: { perWeek: 0, perDay: 0 },
    });
    expect(paceModel({ ...base, window: { sum: 0, openDays: 0 } })).toMatchObject({
      note: "too_early",
      forecast: null,
      status: "on_track",
    });
    expect(paceModel({ ...base, actual: 5_000_000 })).toMatchObject({
      note: "reached",
      missing: 0,
      catchUp: { perWeek: 0, perDay: 0 },
    });
    expect(paceModel({ ...base, actual: 10, remainingOpenDays: 0, forecastOpenDays: 0 })).toMatchObject({
      note: "out_of_time",
      catchUp: { perWeek: 4_999_990, perDay: 4_999_990 },
    });
    // Less than a week left: the whole of what is missing this week.
    expect(paceModel({ ...base, actual: 0, expected: 10, remainingOpenDays: 3 }).catchUp).toEqual({
      perWeek: 5_000_000,
      perDay: 1_666_667,
    });
  });

  const inputArb = fc
    .record({
      actual: fc.integer({ min: -1_000, max: 2_000_000 }),
      expected: fc.integer({ min: 0, max: 2_000_000 }),
      target: fc.integer({ min: 0, max: 2_000_000 }),
      sum: fc.integer({ min: 0, max: 500_000 }),
      windowDays: fc.integer({ min: 0, max: 10 }),
      forecastOpenDays: fc.integer({ min: 0, max: 300 }),
      todayOpen: fc.boolean(),
      openDaysPerWeek: fc.integer({ min: 1, max: 7 }),
      big: fc.boolean(),
    })
    .map((r): PaceModelInput => {
      const k = r.big ? 1_000_000_000 : 1; // amounts beyond 2^53 once multiplied by the days per week
      return {
        actual: r.actual * k,
        expected: Math.min(r.expected, r.target) * k,
        target: r.target * k,
        window: { sum: r.sum * k, openDays: r.windowDays },
        forecastOpenDays: r.forecastOpenDays,
        remainingOpenDays: r.forecastOpenDays + (r.todayOpen ? 1 : 0),
        openDaysPerWeek: r.openDaysPerWeek,
      };
    });

  it("property: catch-up is 0 exactly when actual ≥ target, or open days remain, actual ≥ expected and the forecast (if any) reaches the target", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const m = paceModel(input);
        const none =
          input.actual >= input.target ||
          (input.remainingOpenDays > 0 &&
            input.actual >= input.expected &&
            (m.forecast === null || m.forecast >= input.target));
        expect(m.catchUp.perWeek === 0).toBe(none);
        expect(m.catchUp.perDay === 0).toBe(none);
        expect(["reached", "on_course", "too_early"].includes(m.note)).toBe(none);
        // A forecast below the target is never "none needed".
        if (m.forecast !== null && m.forecast < input.target) expect(m.catchUp.perWeek).toBeGreaterThan(0);
      }),
    );
  });

  it("property: per day × open days left and per week × weeks left cover exactly what is missing (rounded up)", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const m = paceModel(input);
        expect(m.missing).toBe(Math.max(0, input.target - input.actual));
        if (m.catchUp.perDay === 0) return;
        const days = BigInt(input.remainingOpenDays);
        const missing = BigInt(m.missing);
        if (days === 0n) {
          expect(m.catchUp).toEqual({ perWeek: m.missing, perDay: m.missing });
          return;
        }
        const perDay = BigInt(m.catchUp.perDay);
        expect(perDay * days >= missing && (perDay - 1n) * days < missing).toBe(true);
        // weeks left = max(1, days / daysPerWeek): perWeek · days / daysPerWeek ≥ missing, one less is not.
        const dpw = BigInt(input.openDaysPerWeek);
        const perWeek = BigInt(m.catchUp.perWeek);
        if (days <= dpw) expect(perWeek).toBe(missing);
        else expect(perWeek * days >= missing * dpw && (perWeek - 1n) * days < missing * dpw).toBe(true);
      }),
    );
  });

  it("property: status is actual vs expected, the forecast is the run rate's, and the note never contradicts them", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const m = paceModel(input);
        expect(m.status).toBe(paceStatus(input.actual, input.expected));
        if (input.window.openDays === 0) expect([m.forecast, m.shortfallAtDeadline]).toEqual([null, null]);
        else {
          expect(m.forecast).toBe(
            input.actual + Math.round((input.window.sum / input.window.openDays) * input.forecastOpenDays),
          );
          expect(m.shortfallAtDeadline).toBe(Math.max(0, input.target - m.forecast!));
        }
        const reaches = m.forecast !== null && m.forecast >= input.target;
        const onPlan = input.actual >= input.expected;
        switch (m.note) {
          case "reached":
            expect(m.missing).toBe(0);
            break;
          case "on_course":
            expect(onPlan && reaches).toBe(true);
            break;
          case "too_early":
            expect(onPlan && m.forecast === null).toBe(true);
            break;
          case "short_at_this_pace":
            expect(onPlan && m.forecast !== null && !reaches).toBe(true);
            expect(["ahead", "on_track"]).toContain(m.status);
            break;
          case "behind_but_reaching":
            expect(!onPlan && reaches).toBe(true);
            break;
          case "behind":
            expect(!onPlan && !reaches).toBe(true);
            break;
          case "out_of_time":
            expect(m.missing > 0 && input.remainingOpenDays === 0).toBe(true);
            break;
        }
        // Words match the badge: "ahead" only when the status is ahead, "behind" never beside "ahead".
        const text = paceNoteText(m);
        if (text.startsWith("Ahead")) expect(m.status).toBe("ahead");
        if (/behind/i.test(text)) expect(m.status).not.toBe("ahead");
      }),
    );
  });
});
