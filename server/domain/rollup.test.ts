import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "./calendar";
import { shareOfProgress } from "./dashboard-math";
import { paceModel } from "./pace";
import {
  rollUp,
  rollUpGoal,
  type DashboardRow,
  type GoalRollupPlan,
  type MemberProgress,
  type RollupNode,
} from "./rollup";
import { indexTree } from "./tree";
import { childrenOf, subtreeIds, treeArb } from "./test-arbitraries";

describe("roll-up examples", () => {
  // Ann leads Ben and Cat; Ben leads Dan and Eve. Mid-month, expected-to-date is half the target.
  const nodes: RollupNode[] = [
    { id: "ann", parentId: null, ownActual: 500_000, ownTarget: 1_000_000, ownExpected: 500_000 },
    { id: "ben", parentId: "ann", ownActual: 200_000, ownTarget: 1_000_000, ownExpected: 500_000 },
    { id: "cat", parentId: "ann", ownActual: 600_000, ownTarget: 1_000_000, ownExpected: 500_000 },
    { id: "dan", parentId: "ben", ownActual: 450_000, ownTarget: 1_000_000, ownExpected: 500_000 },
    { id: "eve", parentId: "ben", ownActual: 480_000, ownTarget: 1_000_000, ownExpected: 500_000 },
  ];

  it("adds up own and downline, and counts who below is on pace", () => {
    const rows = rollUp(nodes);
    const ann = rows[0]!;
    expect([ann.teamActual, ann.teamTarget, ann.teamExpected]).toEqual([2_230_000, 5_000_000, 2_500_000]);
    expect(ann.teamStatus).toBe("at_risk"); // 2.23m / 2.5m = 0.892
    expect(ann.below).toEqual({ ahead: 1, on_track: 1, at_risk: 1, behind: 1, onPace: 2, offPace: 2, total: 4 });
    const ben = rows[1]!;
    expect([ben.teamActual, ben.ownStatus, ben.teamStatus]).toEqual([1_130_000, "behind", "behind"]);
    expect(ben.below).toMatchObject({ on_track: 1, at_risk: 1, total: 2 });
    expect(rows.map((r) => r.ownStatus)).toEqual(["on_track", "behind", "ahead", "at_risk", "on_track"]);
    expect(rows[3]!.below.total).toBe(0);
  });

  it("handles a 100,000-deep chain without recursion", () => {
    const chain: RollupNode[] = Array.from({ length: 100_000 }, (_, i) => ({
      id: `n${i}`,
      parentId: i === 0 ? null : `n${i - 1}`,
      ownActual: 1,
      ownTarget: 2,
    }));
    const rows = rollUp(chain);
    expect(rows[0]!.teamActual).toBe(100_000);
    expect(rows[0]!.below.total).toBe(99_999);
    expect(rows[0]!.below.behind).toBe(99_999);
  });
});

/** A tree of up to 60 members with random own actuals, targets and expected amounts. */
const arb = treeArb(60).chain((tree) =>
  fc
    .array(
      fc.record({
        actual: fc.integer({ min: -1000, max: 100_000 }),
        target: fc.nat({ max: 100_000 }),
        expected: fc.nat({ max: 100_000 }),
      }),
      {
        minLength: tree.length,
        maxLength: tree.length,
      },
    )
    .map((vals) =>
      tree.map((n, i): RollupNode => ({
        ...n,
        ownActual: vals[i]!.actual,
        ownTarget: vals[i]!.target,
        ownExpected: vals[i]!.expected,
      })),
    ),
);

describe("roll-up properties", () => {
  it("team = own + Σ team(children) and root = Σ own, for actual, target and expected", () => {
    fc.assert(
      fc.property(arb, (nodes) => {
        const rows = rollUp(nodes);
        const byId = new Map(rows.map((r) => [r.id, r]));
        const kids = childrenOf(nodes);
        for (const r of rows) {
          const cs = (kids.get(r.id) ?? []).map((c) => byId.get(c.id)!);
          expect(r.teamActual).toBe(r.ownActual + cs.reduce((s, c) => s + c.teamActual, 0));
          expect(r.teamTarget).toBe(r.ownTarget + cs.reduce((s, c) => s + c.teamTarget, 0));
          expect(r.teamExpected).toBe(r.ownExpected + cs.reduce((s, c) => s + c.teamExpected, 0));
        }
        const root = rows.find((r) => r.parentId === null)!;
        expect(root.teamActual).toBe(nodes.reduce((s, n) => s + n.ownActual, 0));
      }),
    );
  });

  it("with actuals only on leaves, the roll-up is the sum of the leaves", () => {
    fc.assert(
      fc.property(arb, (nodes) => {
        const kids = childrenOf(nodes);
        const leavesOnly = nodes.map((n) => (kids.has(n.id) ? { ...n, ownActual: 0 } : n));
        const rows = rollUp(leavesOnly);
        const root = rows.find((r) => r.parentId === null)!;
        const leafSum = leavesOnly.filter((n) => !kids.has(n.id)).reduce((s, n) => s + n.ownActual, 0);
        expect(root.teamActual).toBe(leafSum);
      }),
    );
  });

  it("below counts every member of the downline exactly once by their own status", () => {
    fc.assert(
      fc.property(arb, (nodes) => {
        const rows = rollUp(nodes);
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const r of rows) {
          const downline = subtreeIds(nodes, r.id).filter((id) => id !== r.id);
          expect(r.below.total).toBe(downline.length);
          for (const s of ["ahead", "on_track", "at_risk", "behind"] as const) {
            expect(r.below[s]).toBe(downline.filter((id) => byId.get(id)!.ownStatus === s).length);
          }
          expect(r.below.onPace + r.below.offPace).toBe(r.below.total);
        }
      }),
    );
  });
});

describe("rollUpGoal (the dashboard's goal roll-up, rows parents first)", () => {
  /**
   * The dashboard's roll-up as it was before it became one pass (server/services/dashboard/get-rollup.ts
   * `computeRows`): targets from shares, the general `rollUp` for the period, then a second bottom-up pass for goal
   * to date. `rollUpGoal` must give exactly its rows.
   */
  function reference(rows: readonly MemberProgress[], ctx: GoalRollupPlan): DashboardRow[] {
    if (rows.length === 0) return [];
    const pBefore = ctx.progress(addDays(ctx.period.from, -1));
    const pTo = ctx.progress(ctx.period.to);
    const pDue = Math.max(pBefore, ctx.progress(ctx.periodDue));
    const pGoal = ctx.progress(ctx.goalDue);
    const n = rows.length;
    const index = new Map(rows.map((r, i) => [r.id, i]));
    const parentIdx = rows.map((r, i) => (i === 0 ? -1 : (r.parentIndex ?? index.get(r.parentId!)!)));
    const children = rows.map((_, i) => parentIdx.filter((p) => p === i).length);
    const toDate = rows.map((r) => r.toDateActual);
    const win = rows.map((r) => r.windowActual);
    const expected = rows.map((r) => shareOfProgress(r.share ?? 0, pGoal, ctx.total));
    const share = rows.map((r) => r.share ?? 0);
    for (let i = n - 1; i > 0; i--) {
      const p = parentIdx[i]!;
      toDate[p]! += toDate[i]!;
      win[p]! += win[i]!;
      expected[p]! += expected[i]!;
      share[p]! += share[i]!;
    }
    const rolled = rollUp(
      rows.map((r, i) => {
        const s = r.share ?? 0;
        const before = shareOfProgress(s, pBefore, ctx.total);
        return {
          id: r.id,
          parentId: i === 0 ? null : rows[parentIdx[i]!]!.id,
          ownActual: r.periodActual,
          ownTarget: shareOfProgress(s, pTo, ctx.total) - before,
          ownExpected: shareOfProgress(s, pDue, ctx.total) - before,
        };
      }),
    );
    return rolled.map((r, i) => {
      const src = rows[i]!;
      const pace = paceModel({
        actual: toDate[i]!,
        expected: expected[i]!,
        target: share[i]!,
        window: { sum: win[i]!, openDays: ctx.days.windowOpenDays },
        forecastOpenDays: ctx.days.forecastOpenDays,
        remainingOpenDays: ctx.days.remainingOpenDays,
        openDaysPerWeek: ctx.days.openDaysPerWeek,
      });
      return {
        id: r.id,
        parentId: src.parentId,
        depth: src.depth,
        name: src.name,
        role: src.role,
        children: children[i]!,
        ownActual: r.ownActual,
        ownTarget: r.ownTarget,
        ownExpected: r.ownExpected,
        ownStatus: r.ownStatus,
        teamActual: r.teamActual,
        teamTarget: r.teamTarget,
        teamExpected: r.teamExpected,
        teamStatus: r.teamStatus,
        below: r.below,
        goal: {
          share: src.share ?? 0,
          teamShare: share[i]!,
          teamActual: toDate[i]!,
          teamExpected: expected[i]!,
          status: pace.status,
          forecast: pace.forecast,
          catchUpPerWeek: pace.catchUp.perWeek,
          catchUpPerDay: pace.catchUp.perDay,
          note: pace.note,
        },
      };
    });
  }

  /** Rows of a random tree listed parents first (breadth first), with or without parent positions. */
  const rowsArb = fc
    .tuple(
      treeArb(60),
      fc.boolean(),
      fc.array(
        fc.record({
          share: fc.option(fc.nat({ max: 50_000 }), { nil: null }),
          period: fc.integer({ min: -500, max: 20_000 }),
          toDate: fc.integer({ min: -500, max: 60_000 }),
          win: fc.integer({ min: -500, max: 20_000 }),
        }),
        { minLength: 60, maxLength: 60 },
      ),
    )
    .map(([tree, positions, vals]): MemberProgress[] => {
      const t = indexTree(tree);
      const at = new Int32Array(tree.length);
      t.order.forEach((i, k) => (at[i] = k));
      return Array.from(t.order, (i, k) => {
        const v = vals[k]!;
        const p = t.parent[i]!;
        return {
          id: tree[i]!.id,
          parentId: tree[i]!.parentId,
          ...(positions ? { parentIndex: p < 0 ? -1 : at[p]! } : {}),
          depth: t.depth[i]!,
          name: `Name ${i}`,
          role: k === 0 ? "OWNER" : "MEMBER",
          share: v.share,
          teamShare: null,
          periodActual: v.period,
          toDateActual: v.toDate,
          windowActual: v.win,
        };
      });
    });

  /** A linear plan of `total` over 100 days from 2027-01-01, seen on some day of it. */
  const planArb = fc
    .record({
      total: fc.integer({ min: 0, max: 1_000_000 }),
      from: fc.nat({ max: 99 }),
      length: fc.integer({ min: 1, max: 31 }),
      asOf: fc.nat({ max: 31 }),
      due: fc.integer({ min: -3, max: 31 }),
      goalDue: fc.nat({ max: 100 }),
      windowOpenDays: fc.nat({ max: 10 }),
      forecastOpenDays: fc.nat({ max: 80 }),
      remainingOpenDays: fc.nat({ max: 80 }),
      openDaysPerWeek: fc.integer({ min: 1, max: 7 }),
    })
    .map((a): GoalRollupPlan => {
      const day = (k: number): IsoDate => addDays("2027-01-01", k);
      const dayNumber = (d: IsoDate) => Math.round((Date.parse(d) - Date.parse("2027-01-01")) / 86_400_000);
      return {
        total: a.total,
        progress: (d) => Math.round((a.total * Math.min(100, Math.max(0, dayNumber(d) + 1))) / 100),
        period: {
          from: day(a.from),
          to: day(a.from + a.length - 1),
          asOf: day(a.from + Math.min(a.asOf, a.length - 1)),
        },
        periodDue: day(a.from + a.due),
        goalDue: day(a.goalDue),
        days: {
          windowOpenDays: a.windowOpenDays,
          forecastOpenDays: a.forecastOpenDays,
          remainingOpenDays: a.remainingOpenDays,
          openDaysPerWeek: a.openDaysPerWeek,
        },
      };
    });

  it("gives exactly the rows of the former two-pass roll-up", () => {
    fc.assert(
      fc.property(rowsArb, planArb, (rows, plan) => {
        expect(rollUpGoal(rows, plan)).toEqual(reference(rows, plan));
      }),
    );
  });

  it("refuses rows whose upline comes after them, naming the member", () => {
    const plan: GoalRollupPlan = {
      total: 10,
      progress: () => 0,
      period: { from: "2027-01-04", to: "2027-01-10", asOf: "2027-01-06" },
      periodDue: "2027-01-05",
      goalDue: "2027-01-05",
      days: { windowOpenDays: 0, forecastOpenDays: 0, remainingOpenDays: 0, openDaysPerWeek: 5 },
    };
    const row = (id: string, parentId: string | null, parentIndex?: number): MemberProgress => ({
      id,
      parentId,
      ...(parentIndex === undefined ? {} : { parentIndex }),
      depth: 0,
      name: id,
      role: "MEMBER",
      share: 1,
      teamShare: null,
      periodActual: 0,
      toDateActual: 0,
      windowActual: 0,
    });
    expect(() => rollUpGoal([row("a", null), row("c", "b"), row("b", "a")], plan)).toThrow(
      /upline of c is not listed before them/,
    );
    expect(() => rollUpGoal([row("a", null, -1), row("b", "c", 2), row("c", "a", 0)], plan)).toThrow(/upline of b/);
    expect(rollUpGoal([], plan)).toEqual([]);
  });
});
