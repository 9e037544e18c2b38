import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PlanningError } from "./errors";
import { treeArb } from "./test-arbitraries";
import { indexTree } from "./tree";

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
    expect(() => indexTree([{ id: "a", parentId: null }, { id: "b", parentId: "c" }, { id: "c", parentId: "b" }])).toThrow(
      "The uplines of b go round in a circle and never reach a.",
    );
    expect(() => indexTree([{ id: "a", parentId: null }, { id: "b", parentId: null }])).toThrow(/more than one top member \(a and b\)/);
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
