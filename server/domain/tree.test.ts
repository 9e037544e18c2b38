import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanningError } from "./errors";
import { treeArb } from "./test-arbitraries";
import { indexTree, levelOrder } from "./tree";

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

describe("levelOrder", () => {
  it("keeps the root's tree level by level in input order and leaves other trees and strays out", () => {
    const ids = ["a", "b", "c", "d", "e", "x", "y"];
    const parents = ["c", "c", null, "b", "a", null, "zz"]; // x: a second top member; y: an upline not in the list
    const { order, depth, parent } = levelOrder(ids, parents, "c");
    expect([...order].map((i) => ids[i])).toEqual(["c", "a", "b", "d", "e"]); // depth 2 in input order: d (under b) before e (under a)
    expect([...depth]).toEqual([1, 1, 0, 2, 2, -1, -1]);
    expect(parent[2]).toBe(-1);
    expect(parent[3]).toBe(1);
    expect(levelOrder(ids, parents, "nobody").order).toHaveLength(0);
  });

  it("equals a naive breadth-first walk sorted by (depth, input order), for any forest and root", () => {
    fc.assert(
      fc.property(treeArb(60), treeArb(20), fc.nat(), (tree, other, pick) => {
        // A team read whole: the tree, a second tree, and the root chosen anywhere in the first.
        const nodes = [...tree, ...other.map((n) => ({ id: `o${n.id}`, parentId: n.parentId && `o${n.parentId}` }))];
        const ids = nodes.map((n) => n.id);
        const parents = nodes.map((n) => n.parentId);
        const rootId = tree[pick % tree.length]!.id;
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
        const { order, depth } = levelOrder(ids, parents, rootId);
        expect([...order].map((i) => ids[i])).toEqual(expected);
        ids.forEach((id, i) => expect(depth[i]).toBe(naiveDepth.get(id) ?? -1));
      }),
    );
  });
});
