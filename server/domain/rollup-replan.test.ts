/**
 * The dashboard's goal roll-up with re-planned members ("re-plan the rest"): a re-planned member's numbers are their
 * own plan's (`memberReplanRow` → `rowCumulative`, read through `memberExpectedOn`), everyone else's their share of the
 * curve, and every team number still adds up: each node's team = its own + its children's teams. The charts' sum
 * (`groupExpected` over `shareGroups`) is the root's team expected.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "./calendar";
import { groupExpected, memberExpectedOn, shareGroups, type ExpectedPlan } from "./expected-plan";
import { paceStatus } from "./pace";
import { phasePlan, cumulativeOn, type PhasedPlan } from "./phasing";
import { memberReplanRow, rowCumulative } from "./replan-rest";
import { rollUpGoal, type GoalRollupPlan, type MemberProgress } from "./rollup";
import { indexTree } from "./tree";
import { treeArb } from "./test-arbitraries";

const START = "2027-03-01";

function phased(total: number, frontLoaded: boolean): PhasedPlan {
  return phasePlan({
    start: START,
    deadline: "2027-04-25",
    target: total,
    curve: frontLoaded ? { kind: "front-loaded", strength: 0.5 } : { kind: "linear" },
  });
}

const scenarioArb = fc
  .record({
    tree: treeArb(40),
    frontLoaded: fc.boolean(),
    shares: fc.array(fc.nat({ max: 3_000 }), { minLength: 40, maxLength: 40 }),
    actuals: fc.array(fc.integer({ min: -50, max: 4_000 }), { minLength: 40, maxLength: 40 }),
    replanned: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    replanDay: fc.array(fc.nat({ max: 50 }), { minLength: 40, maxLength: 40 }),
    asOf: fc.nat({ max: 55 }),
    periodLength: fc.integer({ min: 1, max: 14 }),
  })
  .map((a) => {
    const t = indexTree(a.tree);
    const order = Array.from(t.order);
    const at = new Int32Array(a.tree.length);
    order.forEach((i, k) => (at[i] = k));
    const shares = order.map((i) => a.shares[i]!);
    const total = shares.reduce((s, x) => s + x, 0);
    const plan = phased(total, a.frontLoaded);
    const rows: MemberProgress[] = order.map((i, k) => {
      const p = t.parent[i]!;
      return {
        id: a.tree[i]!.id,
        parentId: a.tree[i]!.parentId,
        parentIndex: p < 0 ? -1 : at[p]!,
        depth: t.depth[i]!,
        name: `Name ${k}`,
        role: k === 0 ? "OWNER" : "MEMBER",
        share: shares[k]!,
        teamShare: null,
        periodActual: a.actuals[i]! % 500,
        toDateActual: a.actuals[i]!,
        windowActual: a.actuals[i]! % 100,
      };
    });
    // Re-plans: the member's actual spread over the days before the re-plan, then their rest re-phased.
    const replanned = new Map<string, (day: IsoDate) => number>();
    order.forEach((i, k) => {
      if (!a.replanned[i]) return;
      const fromK = a.replanDay[i]!;
      const daily = new Array<number>(plan.days.length).fill(0);
      if (fromK > 0) daily[fromK - 1] = Math.max(0, a.actuals[i]!);
      const { row } = memberReplanRow(plan, {
        fromDate: addDays(START, fromK),
        fixed: null,
        target: shares[k]!,
        daily,
      });
      replanned.set(rows[k]!.id, rowCumulative(START, row));
    });
    const from = addDays(START, Math.max(0, a.asOf - a.periodLength + 1));
    const asOf = addDays(START, a.asOf);
    const rollupPlan: GoalRollupPlan = {
      total,
      progress: (d) => cumulativeOn(plan, d) - plan.baseline,
      period: { from, to: addDays(from, a.periodLength - 1), asOf },
      periodDue: addDays(asOf, -1),
      goalDue: addDays(asOf, -1),
      days: { windowOpenDays: 5, forecastOpenDays: 20, remainingOpenDays: 20, openDaysPerWeek: 5 },
      replanned,
    };
    return { rows, plan: rollupPlan };
  });

describe("rollUpGoal with re-planned members", () => {
  it("still adds up: each node's team numbers = its own + its children's teams", () => {
    fc.assert(
      fc.property(scenarioArb, ({ rows, plan }) => {
        const out = rollUpGoal(rows, plan);
        out.forEach((r) => {
          const kids = out.filter((c) => c.parentId === r.id);
          expect(r.teamActual).toBe(r.ownActual + kids.reduce((s, c) => s + c.teamActual, 0));
          expect(r.teamTarget).toBe(r.ownTarget + kids.reduce((s, c) => s + c.teamTarget, 0));
          expect(r.teamExpected).toBe(r.ownExpected + kids.reduce((s, c) => s + c.teamExpected, 0));
          expect(r.goal.teamExpected).toBe(
            memberExpectedOn(plan, r.id, r.goal.share, plan.goalDue) +
              kids.reduce((s, c) => s + c.goal.teamExpected, 0),
          );
          expect(r.goal.teamShare).toBe(r.goal.share + kids.reduce((s, c) => s + c.goal.teamShare, 0));
        });
      }),
      { numRuns: 150 },
    );
  });

  it("gives a re-planned member their own plan's numbers, and everyone else the same numbers as without re-plans", () => {
    fc.assert(
      fc.property(scenarioArb, ({ rows, plan }) => {
        const out = rollUpGoal(rows, plan);
        const without = rollUpGoal(rows, { ...plan, replanned: new Map() });
        const replanned = plan.replanned!;
        out.forEach((r, i) => {
          const own = replanned.get(r.id);
          if (!own) {
            expect([r.ownTarget, r.ownExpected]).toEqual([without[i]!.ownTarget, without[i]!.ownExpected]);
            return;
          }
          const before = own(addDays(plan.period.from, -1));
          expect(r.ownTarget).toBe(own(plan.period.to) - before);
          expect(r.ownExpected).toBe(Math.max(before, own(plan.periodDue)) - before);
          expect(r.ownStatus).toBe(paceStatus(r.ownActual, r.ownExpected));
          // A member without a downline: their goal to date is their own plan's.
          if (r.children === 0) expect(r.goal.teamExpected).toBe(own(plan.goalDue));
        });
      }),
      { numRuns: 100 },
    );
  });

  it("the charts' grouped sum is the root's team expected, on every day", () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat({ max: 60 }), ({ rows, plan }, k) => {
        const expected: ExpectedPlan = plan;
        const members = rows.map((r) => ({ id: r.id, share: r.share ?? 0 }));
        const day = addDays(START, k - 2);
        const sum = groupExpected(expected, shareGroups(members, plan.replanned))(day);
        expect(sum).toBe(members.reduce((s, m) => s + memberExpectedOn(expected, m.id, m.share, day), 0));
        const root = rollUpGoal(rows, { ...plan, goalDue: day })[0]!;
        expect(root.goal.teamExpected).toBe(sum);
      }),
      { numRuns: 100 },
    );
  });
});

describe("a re-planned row's running total", () => {
  it("is the actual before the re-plan, then reaches the target exactly on the deadline", () => {
    const plan = phased(1_000, true);
    const daily = new Array<number>(plan.days.length).fill(0);
    daily[2] = 30;
    daily[9] = 12;
    const { row, actual } = memberReplanRow(plan, { fromDate: "2027-03-15", fixed: null, target: 400, daily });
    const cumulative = rowCumulative(START, row);
    expect(actual).toBe(42);
    expect(cumulative("2027-02-28")).toBe(0);
    expect(cumulative("2027-03-03")).toBe(30);
    expect(cumulative("2027-03-14")).toBe(42);
    expect(cumulative("2027-04-25")).toBe(400);
    expect(cumulative("2027-05-30")).toBe(400);
    // Never decreasing after the re-plan.
    for (let k = 14; k < plan.days.length; k++) {
      expect(cumulative(addDays(START, k))).toBeGreaterThanOrEqual(cumulative(addDays(START, k - 1)));
    }
  });
});
