import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import { cascadeTargets } from "./cascade";
import { PlanningError } from "./errors";
import { periodRows, phasePlan, type Curve, type PhasingInput } from "./phasing";
import { splitIncrements, splitPhasedPlan } from "./split-plan";
import { dateArb, subtreeIds, treeArb, workingDaysArb } from "./test-arbitraries";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Checks the exact guarantees of splitIncrements and returns the largest shortfall below ⌊share·C/T⌋. */
function checkSplit(increments: readonly number[], shares: readonly number[]): number {
  const rows = splitIncrements(increments, shares);
  const T = sum(shares);
  increments.forEach((c, d) => expect(sum(rows.map((r) => r[d]!))).toBe(c));
  rows.forEach((r, i) => {
    expect(sum(r)).toBe(shares[i]);
    r.forEach((x, d) => {
      expect(Number.isSafeInteger(x) && x >= 0).toBe(true);
      if (increments[d] === 0) expect(x).toBe(0);
    });
  });
  let worst = 0;
  let C = 0;
  const X = shares.map(() => 0);
  increments.forEach((c, d) => {
    C += c;
    rows.forEach((r, i) => {
      X[i]! += r[d]!;
      if (T === 0) return;
      // ⌊share·C/T⌋ − 1 ≤ X ≤ ⌈share·C/T⌉, checked exactly with BigInt.
      const num = BigInt(shares[i]!) * BigInt(C);
      const floor = num / BigInt(T);
      const ceil = num % BigInt(T) === 0n ? floor : floor + 1n;
      expect(BigInt(X[i]!) <= ceil).toBe(true);
      worst = Math.max(worst, Number(floor - BigInt(X[i]!)));
    });
  });
  expect(worst).toBeLessThanOrEqual(1);
  return worst;
}

describe("splitting a team plan among members", () => {
  it("splits the seed month's weekly plan among three members exactly", () => {
    const plan = phasePlan({
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
    const members = [
      { id: "ann", share: 2_500_000 },
      { id: "ben", share: 1_500_001 },
      { id: "cat", share: 999_999 },
    ];
    const split = splitPhasedPlan(plan, members);
    split.forEach((m, i) => expect(m.days[m.days.length - 1]!.cumulative).toBe(members[i]!.share));
    // Ann holds half the team's target, so she carries half of every day: £1,250 on each of the first 8 working days.
    expect(
      split[0]!.days
        .filter((d) => d.working)
        .slice(0, 8)
        .map((d) => d.increment),
    ).toEqual(Array(8).fill(125_000));
    const weekly = split.map((m) => periodRows(m.days, "week", 1).map((p) => p.increment));
    plan.periods.forEach((p, k) => expect(weekly[0]![k]! + weekly[1]![k]! + weekly[2]![k]!).toBe(p.increment));
  });

  it("splits 10 presentations over a week among 4 members, whole and fair", () => {
    const rows = splitIncrements([2, 2, 2, 2, 2, 0, 0], [3, 3, 2, 2]);
    expect(rows.map(sum)).toEqual([3, 3, 2, 2]);
    expect([0, 1, 2, 3, 4, 5, 6].map((d) => rows.reduce((s, r) => s + r[d]!, 0))).toEqual([2, 2, 2, 2, 2, 0, 0]);
  });

  it("rejects shares that do not add up to the plan", () => {
    expect(() => splitIncrements([1, 2], [1, 1])).toThrow(PlanningError);
  });
});

describe("split properties", () => {
  it("columns sum to the team's days, rows to the shares; cells whole, ≥ 0, zero on empty days; within one unit of exact", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.nat({ max: 5 }), fc.nat({ max: 100_000 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 25 }),
        (increments, weights) => {
          const total = sum(increments);
          const shares = weights.every((w) => w === 0) ? weights.map((_, i) => (i === 0 ? total : 0)) : null;
          const W = sum(weights);
          // Turn weights into shares summing exactly to the plan total (largest remainder by hand).
          const s =
            shares ??
            (() => {
              const base = weights.map((w) => Math.floor((total * w) / W));
              let left = total - sum(base);
              for (let i = 0; left > 0; i = (i + 1) % base.length)
                if (weights[i]! > 0) {
                  base[i]!++;
                  left--;
                }
              return base;
            })();
          checkSplit(increments, s);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("phasing then cascading equals cascading then phasing (exactly, per day, per period, per subtree)", () => {
    const arb = fc.record({
      tree: treeArb(25),
      start: dateArb,
      length: fc.integer({ min: 1, max: 70 }),
      target: fc.oneof(fc.nat({ max: 60 }), fc.nat({ max: 20_000_000 })),
      workingDays: workingDaysArb,
      strength: fc.double({ min: 0, max: 1, noNaN: true }),
      kind: fc.constantFrom("linear" as const, "front-loaded" as const, "back-loaded" as const),
      rule: fc.constantFrom("even" as const, "history" as const),
      history: fc.array(fc.nat({ max: 5000 }), { minLength: 25, maxLength: 25 }),
    });
    fc.assert(
      fc.property(arb, (r) => {
        const curve: Curve = r.kind === "linear" ? { kind: "linear" } : { kind: r.kind, strength: r.strength };
        const phasing: PhasingInput = {
          start: r.start,
          deadline: addDays(r.start, r.length - 1),
          target: r.target,
          workingDays: r.workingDays,
          curve,
          period: "week",
        };
        let team;
        try {
          team = phasePlan(phasing);
        } catch (e) {
          expect((e as PlanningError).code).toBe("no_working_days_in_segment");
          return;
        }
        const nodes = r.tree.map((n, i) => ({ ...n, historyActual: r.history[i]! }));
        const cascade = cascadeTargets({ nodes, target: r.target, rule: r.rule });
        const members = splitPhasedPlan(
          team,
          cascade.targets.map((t) => ({ id: t.id, share: t.personal })),
        );
        // Cascading then phasing: each member's plan totals their cascaded target...
        members.forEach((m, i) => expect(sum(m.days.map((d) => d.increment))).toBe(cascade.targets[i]!.personal));
        // ...and phasing then cascading: per day and per week, members add up to the team plan.
        team.days.forEach((d, k) => expect(sum(members.map((m) => m.days[k]!.increment))).toBe(d.increment));
        const weeks = members.map((m) => periodRows(m.days, "week", team.weekStartsOn));
        team.periods.forEach((p, k) => expect(sum(weeks.map((w) => w[k]!.increment))).toBe(p.increment));
        // Every subtree's daily plan sums to that member's team target.
        const byId = new Map(members.map((m) => [m.id, m]));
        for (const t of cascade.targets) {
          const ids = subtreeIds(nodes, t.id);
          expect(sum(ids.map((id) => sum(byId.get(id)!.days.map((d) => d.increment))))).toBe(t.team);
        }
        // Phasing each member independently (no reconciliation) drifts from the team by at most ½ per member + ½.
        const independent = cascade.targets.map((t) => phasePlan({ ...phasing, target: t.personal }));
        team.days.forEach((d, k) => {
          const drift = Math.abs(sum(independent.map((p) => p.days[k]!.cumulative)) - d.cumulative);
          expect(drift).toBeLessThanOrEqual((nodes.length + 1) / 2);
        });
      }),
      { numRuns: 200 },
    );
  });
});
