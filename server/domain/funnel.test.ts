import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanningError } from "./errors";
import {
  DEFAULT_CREDIBILITY,
  RATE_BOUNDS,
  planFunnel,
  plannedBehind,
  resultsForAmount,
  smoothedRate,
  type FunnelStage,
} from "./funnel";

/** The seed funnel: 1 sponsor ← 10 presentations ← 30 contacts. */
const seedStages: FunnelStage[] = [
  { key: "contacts", label: "Contacts", defaultRate: 1 / 3 },
  { key: "presentations", label: "Presentations", defaultRate: 0.1 },
];

describe("funnel examples", () => {
  it("1 sponsor needs 10 presentations and 30 contacts at the team defaults", () => {
    const plan = planFunnel({ target: 1, stages: seedStages });
    expect(plan.stages.map((s) => [s.key, s.required])).toEqual([
      ["contacts", 30],
      ["presentations", 10],
    ]);
    expect(plan.stages[0]!.historyWeight).toBe(0);
    expect(plan.stages[0]!.observedRate).toBeNull();
  });

  it("$5k a month: 2 sponsored people for the rank → 20 presentations → 60 contacts", () => {
    expect(planFunnel({ target: 2, stages: seedStages }).stages.map((s) => s.required)).toEqual([60, 20]);
    // $5,000 of sales at $500 average → 10 sales → 100 presentations → 300 contacts.
    const sales = resultsForAmount(500_000, 50_000);
    expect(sales).toBe(10);
    expect(planFunnel({ target: sales, stages: seedStages }).stages.map((s) => s.required)).toEqual([300, 100]);
  });

  it("uses the member's own rates, smoothed toward the default when history is thin", () => {
    // No history: the default.
    expect(smoothedRate(0.1, undefined)).toBe(0.1);
    // 10 presentations, 3 sponsors (30 %) with k = 10: halfway between 30 % and 10 % → 20 %.
    expect(smoothedRate(0.1, { trials: 10, successes: 3 })).toBeCloseTo(0.2, 12);
    // 1,000 presentations at 30 %: essentially their own rate.
    expect(smoothedRate(0.1, { trials: 1000, successes: 300 })).toBeCloseTo((300 + 1) / 1010, 12);
    // A lucky first try does not make them a 100 % closer.
    expect(smoothedRate(0.1, { trials: 1, successes: 1 })).toBeCloseTo(2 / 11, 12);
    const member = planFunnel({
      target: 1,
      stages: [
        { key: "contacts", defaultRate: 1 / 3, history: { trials: 40, successes: 20 } },
        { key: "presentations", defaultRate: 0.1, history: { trials: 10, successes: 3 } },
      ],
    });
    // Presentations → sponsor at 20 %: 5 presentations; contacts → presentation at (20 + 10/3)/50 ≈ 46.7 %: 11 contacts.
    expect(member.stages.map((s) => s.required)).toEqual([11, 5]);
    expect(member.stages[1]!.historyWeight).toBe(0.5);
  });

  it("clamps rates to 1 %–100 %", () => {
    expect(smoothedRate(0.01, { trials: 10_000, successes: 0 })).toBe(RATE_BOUNDS.min);
    expect(smoothedRate(1, { trials: 10, successes: 50 })).toBe(RATE_BOUNDS.max);
  });

  it("rejects bad funnels", () => {
    expect(() => planFunnel({ target: 1, stages: [] })).toThrow(PlanningError);
    expect(() => planFunnel({ target: 1, stages: [{ key: "a", defaultRate: 0 }] })).toThrow(/above 0 and at most 1/);
    expect(() => planFunnel({ target: 1, stages: [{ key: "a", defaultRate: 1.5 }] })).toThrow(PlanningError);
    expect(() => planFunnel({ target: -1, stages: seedStages })).toThrow(/cannot be negative/);
    expect(() => planFunnel({ target: 1, stages: [seedStages[0]!, seedStages[0]!] })).toThrow(/appears twice/);
    expect(() =>
      planFunnel({ target: 1, stages: [{ key: "a", defaultRate: 0.5, history: { trials: 1.5, successes: 0 } }] }),
    ).toThrow(PlanningError);
  });
});

const stagesArb = fc
  .array(
    fc.record({
      defaultRate: fc.double({ min: 0.01, max: 1, noNaN: true }),
      history: fc.option(fc.record({ trials: fc.nat({ max: 500 }), successes: fc.nat({ max: 500 }) }), {
        nil: undefined,
      }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((xs) => xs.map((x, i): FunnelStage => ({ key: `s${i}`, ...x })));

describe("funnel properties", () => {
  it("each stage's count is the smallest whole number that reaches the next stage at its rate", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), stagesArb, (target, stages) => {
        const plan = planFunnel({ target, stages });
        for (let i = 0; i < plan.stages.length; i++) {
          const s = plan.stages[i]!;
          const next = i + 1 < plan.stages.length ? plan.stages[i + 1]!.required : target;
          expect(Number.isSafeInteger(s.required) && s.required >= next).toBe(true);
          expect(s.required * s.rate).toBeGreaterThanOrEqual(next * (1 - 1e-9));
          if (s.required > 0) expect((s.required - 1) * s.rate).toBeLessThan(next);
        }
      }),
    );
  });

  it("rounding never drops a unit: at a rate num/den, floor(required × rate) reaches the next stage and one fewer does not", () => {
    // An outside check found 9,990,001 results at 99.9 % asking for 10,000,001 (9,990,000.999 results, one short).
    expect(planFunnel({ target: 9_990_001, stages: [{ key: "a", defaultRate: 0.999 }] }).stages[0]!.required).toBe(
      10_000_002,
    );
    // …while floating noise is still no shortfall: 67 × (1/67) is 0.9999999999999999 in floating point.
    expect(planFunnel({ target: 1, stages: [{ key: "a", defaultRate: 1 / 67 }] }).stages[0]!.required).toBe(67);
    // Rates as a team writes them (99.9 %, 1 in 3), checked in exact integer arithmetic.
    const rateArb = fc.oneof(
      fc.integer({ min: 10, max: 1000 }).map((num) => ({ num, den: 1000 })),
      fc.integer({ min: 1, max: 100 }).map((den) => ({ num: 1, den })),
      fc
        .integer({ min: 1, max: 100 })
        .chain((den) => fc.integer({ min: Math.ceil(den / 100), max: den }).map((num) => ({ num, den }))),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), rateArb, (target, { num, den }) => {
        const n = planFunnel({ target, stages: [{ key: "a", defaultRate: num / den }] }).stages[0]!.required;
        expect(Number.isSafeInteger(n)).toBe(true);
        // floor(n · num / den) ≥ target  ⇔  n · num ≥ target · den (whole numbers).
        expect(BigInt(n) * BigInt(num) >= BigInt(target) * BigInt(den)).toBe(true);
        if (n > 0) expect(BigInt(n - 1) * BigInt(num) < BigInt(target) * BigInt(den)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("never asks for less when the target grows", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), fc.nat({ max: 100 }), stagesArb, (target, more, stages) => {
        const a = planFunnel({ target, stages }).stages.map((s) => s.required);
        const b = planFunnel({ target: target + more, stages }).stages.map((s) => s.required);
        a.forEach((x, i) => expect(b[i]!).toBeGreaterThanOrEqual(x));
      }),
    );
  });

  it("the smoothed rate lies between the member's own rate and the default (then clamped)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.nat({ max: 1000 }),
        fc.nat({ max: 1000 }),
        (d, trials, s) => {
          const successes = Math.min(s, trials);
          const rate = smoothedRate(d, { trials, successes });
          const own = trials > 0 ? successes / trials : d;
          const lo = Math.max(RATE_BOUNDS.min, Math.min(own, d));
          const hi = Math.min(RATE_BOUNDS.max, Math.max(own, d));
          expect(rate).toBeGreaterThanOrEqual(lo - 1e-12);
          expect(rate).toBeLessThanOrEqual(hi + 1e-12);
          // Twice the history at the same observed rate moves it toward their own rate.
          const more = smoothedRate(d, { trials: trials * 2, successes: successes * 2 }, DEFAULT_CREDIBILITY);
          expect(Math.abs(more - own)).toBeLessThanOrEqual(Math.abs(rate - own) + 1e-12);
        },
      ),
    );
  });
});

describe("plannedBehind", () => {
  // 30 contacts make 10 presentations, 10 presentations make 1 sponsor.
  const stages = [
    { fromCount: 30, toCount: 10 },
    { fromCount: 10, toCount: 1 },
  ];

  it("works a planned result back through the stages, top of the funnel first", () => {
    expect(plannedBehind(1, stages)).toEqual([30, 10]);
    expect(plannedBehind(2, stages)).toEqual([60, 20]);
    expect(plannedBehind(1, [{ fromCount: 3, toCount: 2 }])).toEqual([2]); // 2 make 1⅓: enough
  });

  it("plans nothing behind nothing (0, never -0) and 0 behind a stage without counts", () => {
    for (const result of [0, -5]) {
      const planned = plannedBehind(result, stages);
      expect(planned.every((n) => Object.is(n, 0))).toBe(true);
    }
    expect(plannedBehind(5, [{ fromCount: 0, toCount: 1 }, ...stages])).toEqual([0, 150, 50]);
  });

  // Exact while a step's planned count is far below 2^50 (countToReach's slack is relative): here at most 10^11.
  it("is the exact ceiling of next · from / to at every step", () => {
    const stage = fc.record({ fromCount: fc.integer({ min: 1, max: 100 }), toCount: fc.integer({ min: 1, max: 100 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.array(stage, { maxLength: 3 }), (result, list) => {
        const planned = plannedBehind(result, list);
        let next = BigInt(result);
        for (let i = list.length - 1; i >= 0; i--) {
          const num = next * BigInt(list[i]!.fromCount);
          const den = BigInt(list[i]!.toCount);
          next = (num + den - 1n) / den;
          expect(planned[i]).toBe(Number(next));
          expect(Object.is(planned[i], -0)).toBe(false);
        }
      }),
    );
  });
});
