import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rollUp, rollUpOrdered, type RollupNode } from "./rollup";
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
    const chain: RollupNode[] = Array.from({ length: 100_000 }, (_, i) => ({ id: `n${i}`, parentId: i === 0 ? null : `n${i - 1}`, ownActual: 1, ownTarget: 2 }));
    const rows = rollUp(chain);
    expect(rows[0]!.teamActual).toBe(100_000);
    expect(rows[0]!.below.total).toBe(99_999);
    expect(rows[0]!.below.behind).toBe(99_999);
  });
});

/** A tree of up to 60 members with random own actuals, targets and expected amounts. */
const arb = treeArb(60).chain((tree) =>
  fc
    .array(fc.record({ actual: fc.integer({ min: -1000, max: 100_000 }), target: fc.nat({ max: 100_000 }), expected: fc.nat({ max: 100_000 }) }), {
      minLength: tree.length,
      maxLength: tree.length,
    })
    .map((vals) => tree.map((n, i): RollupNode => ({ ...n, ownActual: vals[i]!.actual, ownTarget: vals[i]!.target, ownExpected: vals[i]!.expected }))),
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

describe("rollUpOrdered (a tree already listed parents first)", () => {
  it("gives the same rows as rollUp for the same tree in breadth-first order", () => {
    fc.assert(
      fc.property(arb, (nodes) => {
        const t = indexTree(nodes);
        const ordered = Array.from(t.order, (i) => nodes[i]!);
        const position = new Int32Array(nodes.length);
        t.order.forEach((i, at) => (position[i] = at));
        const parent = Int32Array.from(t.order, (i) => (t.parent[i]! < 0 ? -1 : position[t.parent[i]!]!));
        expect(rollUpOrdered(ordered, parent)).toEqual(rollUp(ordered));
      }),
    );
  });

  it("refuses positions that are not parents first, naming the member", () => {
    const nodes: RollupNode[] = ["a", "b", "c"].map((id) => ({ id, parentId: null, ownActual: 0, ownTarget: 0 }));
    expect(() => rollUpOrdered(nodes, Int32Array.from([-1, 0, 2]))).toThrow(/upline of c is not listed before them/);
    expect(() => rollUpOrdered(nodes, Int32Array.from([-1, 2, 0]))).toThrow(/upline of b/);
    expect(() => rollUpOrdered(nodes, Int32Array.from([0, -1, 0]))).toThrow(/top member first/);
    expect(() => rollUpOrdered(nodes, Int32Array.from([-1, 0]))).toThrow(/one upline position per member/);
    expect(() => rollUpOrdered([], new Int32Array(0))).toThrow(/empty/);
  });
});
