import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanningError } from "./errors";
import { treeArb } from "./test-arbitraries";
import { indexTree, isTeamRoot, levelOrderOf, treeBySlot } from "./tree";

describe("indexTree", () => {
  it("finds the root of a subtree (parent outside the list) and orders parents before children", () => {
    const t = indexTree([
      { id: "dan", parentId: "ben" },
      { id: "ben", parentId: "ann" }, // ann is not in this subtree
      { id: "eve", parentId: "ben" },
    ]);
    expect(t.root).toBe(1);
    expect([...t.order]).toEqual([1, 0, 2]);
    expect([...t.depth]).toEqual([1, 0, 1]);
    expect([...t.parent]).toEqual([1, -1, 1]);
  });

  it("rejects cycles and forests with a clear message", () => {
    expect(() =>
      indexTree([
        { id: "a", parentId: null },
        { id: "b", parentId: "c" },
        { id: "c", parentId: "b" },
      ]),
    ).toThrow("The uplines of b go round in a circle and never reach a.");
    expect(() =>
      indexTree([
        { id: "a", parentId: null },
        { id: "b", parentId: null },
      ]),
    ).toThrow(/more than one top member \(a and b\)/);
    try {
      indexTree([{ id: "a", parentId: "a" }]);
    } catch (e) {
      expect((e as PlanningError).code).toBe("cycle");
    }
  });

  it("every node appears once in the order, after its parent, with depth = parent's + 1", () => {
    fc.assert(
      fc.property(treeArb(80), (nodes) => {
        const t = indexTree(nodes);
        const position = new Int32Array(t.size);
        t.order.forEach((v, k) => (position[v] = k));
        expect(new Set(t.order).size).toBe(t.size);
        for (let i = 0; i < t.size; i++) {
          const p = t.parent[i]!;
          if (p === -1) {
            expect(i).toBe(t.root);
            expect(t.depth[i]).toBe(0);
          } else {
            expect(nodes[p]!.id).toBe(nodes[i]!.parentId);
            expect(position[p]!).toBeLessThan(position[i]!);
            expect(t.depth[i]).toBe(t.depth[p]! + 1);
          }
        }
      }),
    );
  });
});

describe("levelOrderOf", () => {
  /** The uplines as input indexes (−1: none or not in the list), as a caller resolves them once. */
  const byIndex = (ids: readonly string[], parents: readonly (string | null)[]) =>
    Int32Array.from(parents, (p) => (p === null ? -1 : ids.indexOf(p)));

  it("keeps the root's tree level by level in input order and leaves other trees and strays out", () => {
    const ids = ["a", "b", "c", "d", "e", "x", "y"];
    const parents = ["c", "c", null, "b", "a", null, "zz"]; // x: a second top member; y: an upline not in the list
    const { order, depth, parent } = levelOrderOf(byIndex(ids, parents), 2);
    expect([...order].map((i) => ids[i])).toEqual(["c", "a", "b", "d", "e"]); // depth 2 in input order: d (under b) before e (under a)
    expect([...depth]).toEqual([1, 1, 0, 2, 2, -1, -1]);
    expect(parent[2]).toBe(-1);
    expect(parent[3]).toBe(1);
    // A root outside the list gives nothing; an upline outside it is refused.
    expect(levelOrderOf(new Int32Array([-1, 0]), 5).order).toHaveLength(0);
    expect(() => levelOrderOf(new Int32Array([-1, 7]), 0)).toThrow(RangeError);
  });

  it("equals a naive breadth-first walk sorted by (depth, input order), for any forest and root", () => {
    fc.assert(
      fc.property(treeArb(60), treeArb(20), fc.nat(), (tree, other, pick) => {
        // A team read whole: the tree, a second tree, and the root chosen anywhere in the first.
        const nodes = [...tree, ...other.map((n) => ({ id: `o${n.id}`, parentId: n.parentId && `o${n.parentId}` }))];
        const ids = nodes.map((n) => n.id);
        const parents = nodes.map((n) => n.parentId);
        const root = pick % tree.length;
        const rootId = ids[root]!;
        const naiveDepth = new Map<string, number>([[rootId, 0]]);
        for (let grew = true; grew;) {
          grew = false;
          for (const n of nodes) {
            if (n.id === rootId || naiveDepth.has(n.id) || n.parentId === null || !naiveDepth.has(n.parentId)) continue;
            naiveDepth.set(n.id, naiveDepth.get(n.parentId)! + 1);
            grew = true;
          }
        }
        const expected = ids
          .map((id, i) => ({ id, i, d: naiveDepth.get(id) }))
          .filter((x) => x.d !== undefined)
          .sort((a, b) => a.d! - b.d! || a.i - b.i)
          .map((x) => x.id);
        const { order, depth, parent } = levelOrderOf(byIndex(ids, parents), root);
        expect([...order].map((i) => ids[i])).toEqual(expected);
        ids.forEach((id, i) => expect(depth[i]).toBe(naiveDepth.get(id) ?? -1));
        ids.forEach((_, i) => expect(parent[i]).toBe(i === root ? -1 : ids.indexOf(parents[i] ?? "")));
      }),
    );
  });
});

describe("uplines given as indexes", () => {
  it("indexTree with parentIndex equals indexTree by ids, and builds the id map only when asked", () => {
    fc.assert(
      fc.property(treeArb(80), (nodes) => {
        const ids = nodes.map((n) => n.id);
        const parentIndex = Int32Array.from(nodes, (n) => (n.parentId === null ? -1 : ids.indexOf(n.parentId)));
        const byId = indexTree(nodes);
        const byIndex = indexTree(nodes, parentIndex);
        for (const key of ["parent", "order", "childStart", "children", "depth"] as const) {
          expect([...byIndex[key]]).toEqual([...byId[key]]);
        }
        expect(byIndex.root).toBe(byId.root);
        expect(byIndex.indexOf).toEqual(byId.indexOf);
      }),
    );
  });

  it("indexTree with parentIndex still refuses a cycle, a second root and an index outside the list", () => {
    const nodes = [
      { id: "a", parentId: null },
      { id: "b", parentId: "a" },
      { id: "c", parentId: "a" },
    ];
    expect(() => indexTree(nodes, new Int32Array([-1, 2, 1]))).toThrow(PlanningError);
    expect(() => indexTree(nodes, new Int32Array([-1, -1, 0]))).toThrow(/more than one top member/);
    expect(() => indexTree(nodes, new Int32Array([-1, 0, 9]))).toThrow(RangeError);
    expect(() => indexTree(nodes, new Int32Array([-1, 0]))).toThrow(RangeError);
    // The duplicate-id check comes with the id map.
    const twice = indexTree([...nodes, { id: "a", parentId: "b" }], new Int32Array([-1, 0, 0, 1]));
    expect(() => twice.indexOf).toThrow(/appears twice/);
  });
});

describe("treeBySlot", () => {
  it("orders every slot under a root parents first, leaves a cycle out, and holds 200,000 members", () => {
    // 0 ← 2 ← 3, 5 alone, 6 ⇄ 7 a cycle; slots 1 and 4 held by no one.
    const small = treeBySlot([3, 0, 2, 5, 6, 7], [2, -1, 0, -1, 7, 6]);
    expect([...small.up]).toEqual([-1, -1, 0, 2, -1, -1, 7, 6]);
    expect([...small.order]).toEqual([0, 1, 4, 5, 2, 3]);
    // A chain of 200,000 (the deepest tree) and a star of 200,000: every slot, each after its upline.
    const n = 200_000;
    for (const ups of [
      Array.from({ length: n }, (_, s) => s - 1),
      Array.from({ length: n }, (_, s) => (s === 0 ? -1 : 0)),
    ]) {
      const { up, order } = treeBySlot(
        Array.from({ length: n }, (_, s) => s),
        ups,
      );
      expect(order).toHaveLength(n);
      const at = new Int32Array(n);
      order.forEach((s, k) => (at[s] = k));
      let before = 0;
      for (let s = 1; s < n; s++) if (at[up[s]!]! < at[s]!) before += 1;
      expect(before).toBe(n - 1);
    }
  });
});

describe("isTeamRoot", () => {
  it("is the active member with no upline; a removed member (detached) or anyone with an upline is not", () => {
    expect(isTeamRoot({ parentId: null, status: "ACTIVE" })).toBe(true);
    expect(isTeamRoot({ parentId: null, status: "REMOVED" })).toBe(false);
    expect(isTeamRoot({ parentId: "m1", status: "ACTIVE" })).toBe(false);
  });
});
