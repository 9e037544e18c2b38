import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek, toDayNumber } from "./calendar";
import { PlanningError } from "./errors";
import {
  cumulativeOn,
  phasePlan,
  type CheckpointInput,
  type Curve,
  type PhasedPlan,
  type PhasingInput,
} from "./phasing";
import { dateArb, workingDaysArb } from "./test-arbitraries";
import { expectThrows, gbp, seed } from "./phasing-fixtures";

describe("phasing: the seed goal", () => {
  const plan = phasePlan(seed);

  it("meets every checkpoint exactly and interpolates evenly over working days between them", () => {
    expect(cumulativeOn(plan, "2026-12-10")).toBe(2_000_000);
    expect(cumulativeOn(plan, "2026-12-17")).toBe(3_000_000);
    expect(cumulativeOn(plan, "2026-12-24")).toBe(4_200_000);
    expect(cumulativeOn(plan, "2026-12-31")).toBe(5_000_000);
    const working = (from: string, to: string) =>
      plan.days.filter((d) => d.working && d.date >= from && d.date <= to).map((d) => d.increment);
    expect(working("2026-12-01", "2026-12-10")).toEqual(Array(8).fill(250_000)); // £20,000 over 8 working days
    expect(working("2026-12-11", "2026-12-17")).toEqual(Array(5).fill(200_000)); // £10,000 over 5
    expect(working("2026-12-18", "2026-12-24")).toEqual(Array(5).fill(240_000)); // £12,000 over 5
    expect(working("2026-12-25", "2026-12-31")).toEqual(Array(5).fill(160_000)); // £8,000 over 5
    expect(plan.days.filter((d) => !d.working).every((d) => d.increment === 0)).toBe(true);
  });

  it("reports weekly rows (Monday weeks, clipped to the month)", () => {
    expect(plan.periods.map((p) => [p.periodStart, p.periodEnd, p.increment, p.cumulative])).toEqual([
      ["2026-12-01", "2026-12-06", 1_000_000, 1_000_000],
      ["2026-12-07", "2026-12-13", 1_200_000, 2_200_000],
      ["2026-12-14", "2026-12-20", 1_040_000, 3_240_000],
      ["2026-12-21", "2026-12-27", 1_120_000, 4_360_000],
      ["2026-12-28", "2026-12-31", 640_000, 5_000_000],
    ]);
    expect(plan.periods[0]!.label).toBe("Week of 2026-11-30");
  });
});

describe("phasing: other curves and the $5k month", () => {
  it("spreads $5,000 for June 2026 evenly over its 22 working days", () => {
    const plan = phasePlan({ start: "2026-06-01", deadline: "2026-06-30", target: 500_000, period: "month" });
    const working = plan.days.filter((d) => d.working).map((d) => d.increment);
    expect(working).toHaveLength(22);
    expect(Math.max(...working) - Math.min(...working)).toBeLessThanOrEqual(1);
    expect(plan.periods).toEqual([
      {
        periodStart: "2026-06-01",
        periodEnd: "2026-06-30",
        label: "2026-06",
        increment: 500_000,
        cumulative: 500_000,
        workingDays: 22,
      },
    ]);
  });

  it("front-loads and back-loads by strength", () => {
    const base = { start: "2026-06-01", deadline: "2026-06-30", target: 500_000 } as const;
    const front = phasePlan({ ...base, curve: { kind: "front-loaded", strength: 0.5 } }).days.filter((d) => d.working);
    const back = phasePlan({ ...base, curve: { kind: "back-loaded", strength: 0.5 } }).days.filter((d) => d.working);
    expect(front[0]!.increment).toBeGreaterThan(front[21]!.increment * 2.5);
    expect(back[21]!.increment).toBeGreaterThan(back[0]!.increment * 2.5);
    const firstHalf = front.slice(0, 11).reduce((s, d) => s + d.increment, 0);
    expect(firstHalf).toBeGreaterThan(250_000);
  });

  it("starts from the baseline", () => {
    const plan = phasePlan({ start: "2026-06-01", deadline: "2026-06-05", target: 1000, baseline: 400 });
    expect(plan.days.map((d) => d.cumulative)).toEqual([520, 640, 760, 880, 1000]);
    expect(cumulativeOn(plan, "2026-05-31")).toBe(400);
    expect(cumulativeOn(plan, "2026-07-01")).toBe(1000);
  });
});

describe("phasing: rejects invalid input with clear messages", () => {
  it("deadline before start", () => {
    expectThrows(
      () => phasePlan({ start: "2026-12-05", deadline: "2026-12-01", target: 10 }),
      "deadline_before_start",
      "The deadline (2026-12-01) is before the start (2026-12-05).",
    );
  });
  it("target below baseline", () => {
    expectThrows(
      () => phasePlan({ ...seed, baseline: 6_000_000, formatAmount: gbp }),
      "target_below_baseline",
      /£50,000\.00.*£60,000\.00/,
    );
  });
  const custom = (checkpoints: CheckpointInput[]): PhasingInput => ({
    ...seed,
    formatAmount: gbp,
    curve: { kind: "custom", checkpoints },
  });
  it("a stretch that needs more but has no working day", () => {
    // 2026-12-05/06 is a weekend: nothing can happen between the Friday checkpoint and Sunday's.
    expectThrows(
      () =>
        phasePlan(
          custom([
            { date: "2026-12-04", cumulative: 1_000_000 },
            { date: "2026-12-06", cumulative: 1_100_000 },
          ]),
        ),
      "no_working_days_in_segment",
      "The stretch after the checkpoint of 2026-12-04 up to 2026-12-06 needs £1,000.00 but has no working day to do it in.",
    );
    expectThrows(
      () => phasePlan({ start: "2026-12-05", deadline: "2026-12-06", target: 1 }),
      "no_working_days_in_segment",
    );
  });
  it("strength out of range, unknown curve, bad dates", () => {
    expectThrows(() => phasePlan({ ...seed, curve: { kind: "front-loaded", strength: 1.5 } }), "strength_out_of_range");
    expectThrows(() => phasePlan({ ...seed, curve: { kind: "zigzag" } as unknown as Curve }), "invalid_curve");
    expectThrows(() => phasePlan({ ...seed, start: "2026-02-30" }), "invalid_date");
    expectThrows(() => phasePlan({ ...seed, target: 10.5 }), "invalid_amount");
  });
});

// ---------------------------------------------------------------------------------------------------------------

interface Scenario {
  input: PhasingInput;
}

const curveArb = (n: number, baseline: number, target: number): fc.Arbitrary<Curve> =>
  fc.oneof(
    fc.constant<Curve>({ kind: "linear" }),
    fc.double({ min: 0, max: 1, noNaN: true }).map((strength): Curve => ({ kind: "front-loaded", strength })),
    fc.double({ min: 0, max: 1, noNaN: true }).map((strength): Curve => ({ kind: "back-loaded", strength })),
    fc
      .uniqueArray(fc.integer({ min: 0, max: n - 2 < 0 ? 0 : n - 2 }), { maxLength: 5 })
      .chain((offsets) =>
        fc
          .array(fc.integer({ min: baseline, max: target }), { minLength: offsets.length, maxLength: offsets.length })
          .map((values) => {
            const days = [...offsets].sort((a, b) => a - b);
            const vals = [...values].sort((a, b) => a - b);
            return { days, vals };
          }),
      )
      .filter(({ days }) => n >= 2 || days.length === 0)
      .map(({ days, vals }): Curve => ({
        kind: "custom",
        // Express them as days-to-go, the way a leader counts back from the deadline.
        checkpoints: days.map((k, i) => ({ daysToGo: n - 1 - k, cumulative: vals[i]! })),
      })),
  );

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    start: dateArb,
    length: fc.integer({ min: 1, max: 100 }),
    baseline: fc.nat({ max: 1_000_000 }),
    extra: fc.oneof(fc.nat({ max: 50 }), fc.nat({ max: 10_000_000 })),
    period: fc.constantFrom("day" as const, "week" as const, "month" as const),
    weekStartsOn: fc.integer({ min: 0, max: 6 }),
    workingDays: workingDaysArb,
  })
  .chain((r) =>
    curveArb(r.length, r.baseline, r.baseline + r.extra).map((curve) => ({
      input: {
        start: r.start,
        deadline: addDays(r.start, r.length - 1),
        target: r.baseline + r.extra,
        baseline: r.baseline,
        period: r.period,
        weekStartsOn: r.weekStartsOn,
        workingDays: r.workingDays,
        curve,
      },
    })),
  );

/** Plans or, only when a stretch truly has no working day, the matching rejection. */
function planOrSkip(input: PhasingInput): PhasedPlan | null {
  try {
    return phasePlan(input);
  } catch (e) {
    expect(e).toBeInstanceOf(PlanningError);
    expect((e as PlanningError).code).toBe("no_working_days_in_segment");
    return null;
  }
}

describe("phasing properties", () => {
  it("whole increments ≥ 0 summing to target − baseline; cumulative never decreases and ends on the target", () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        const plan = planOrSkip(input);
        if (!plan) return;
        let prev = plan.baseline;
        for (const d of plan.days) {
          expect(Number.isSafeInteger(d.increment) && d.increment >= 0).toBe(true);
          expect(d.cumulative).toBe(prev + d.increment);
          prev = d.cumulative;
        }
        expect(plan.days[plan.days.length - 1]!.cumulative).toBe(plan.target);
        expect(plan.days.reduce((s, d) => s + d.increment, 0)).toBe(plan.target - plan.baseline);
      }),
      { numRuns: 300 },
    );
  });

  it("non-working days plan zero; custom checkpoints are met exactly", () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        const plan = planOrSkip(input);
        if (!plan) return;
        for (const d of plan.days) {
          expect(d.working).toBe(input.workingDays!.includes(dayOfWeek(d.date)));
          if (!d.working) expect(d.increment).toBe(0);
        }
        for (const cp of plan.checkpoints) expect(cumulativeOn(plan, cp.date)).toBe(cp.cumulative);
        if (input.curve?.kind === "custom") expect(plan.checkpoints).toHaveLength(input.curve.checkpoints.length);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects only when a stretch needing more has no working day", () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        let rejected = false;
        try {
          phasePlan(input);
        } catch {
          rejected = true;
        }
        // Recompute independently: stretches between checkpoints and their working days.
        const startDn = toDayNumber(input.start);
        const bounds: [number, number][] = [];
        let from = 0;
        let value = input.baseline ?? 0;
        const cps = input.curve?.kind === "custom" ? [...input.curve.checkpoints] : [];
        const resolved = cps
          .map((c) => ({
            k: toDayNumber(input.deadline) - startDn - ("daysToGo" in c ? c.daysToGo : 0),
            v: c.cumulative,
          }))
          .sort((a, b) => a.k - b.k);
        resolved.push({ k: toDayNumber(input.deadline) - startDn, v: input.target });
        let impossible = false;
        for (const { k, v } of resolved) {
          bounds.push([from, k]);
          let working = 0;
          for (let j = from; j <= k; j++)
            if (input.workingDays!.includes(dayOfWeek(addDays(input.start, j)))) working++;
          if (v - value > 0 && working === 0) impossible = true;
          from = k + 1;
          value = v;
        }
        expect(rejected).toBe(impossible);
      }),
      { numRuns: 300 },
    );
  });

  it("period rows add up: increments sum to the total, each cumulative is the day value at the period end", () => {
    fc.assert(
      fc.property(scenarioArb, ({ input }) => {
        const plan = planOrSkip(input);
        if (!plan) return;
        expect(plan.periods.reduce((s, p) => s + p.increment, 0)).toBe(plan.target - plan.baseline);
        for (const p of plan.periods) expect(p.cumulative).toBe(cumulativeOn(plan, p.periodEnd));
        expect(plan.periods[0]!.periodStart).toBe(plan.start);
        expect(plan.periods[plan.periods.length - 1]!.periodEnd).toBe(plan.deadline);
      }),
      { numRuns: 200 },
    );
  });

  it("linear: working days differ by at most one; front-loaded: running totals stay within ½ of the curve", () => {
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 0, max: 1, noNaN: true }), ({ input }, strength) => {
        const linear = planOrSkip({ ...input, curve: { kind: "linear" } });
        if (!linear) return;
        const inc = linear.days.filter((d) => d.working).map((d) => d.increment);
        expect(Math.max(...inc) - Math.min(...inc)).toBeLessThanOrEqual(1);

        const front = phasePlan({ ...input, curve: { kind: "front-loaded", strength } });
        const working = front.days.filter((d) => d.working);
        const N = working.length;
        const w = working.map((_, i) => 1 + strength * (1 - (2 * (i + 0.5)) / N));
        const W = w.reduce((a, b) => a + b, 0);
        let prefix = 0;
        working.forEach((d, i) => {
          prefix += w[i]!;
          const exact = front.baseline + ((front.target - front.baseline) * prefix) / W;
          expect(Math.abs(d.cumulative - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.max(1, exact));
        });
      }),
      { numRuns: 200 },
    );
  });
});
