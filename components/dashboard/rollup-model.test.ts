import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flattenVisible } from "@/components/team/tree-model";
import { breadcrumb, drillInto, indexRollup } from "./rollup-model";
import type { RollupRow } from "./types";

const row = (id: string, parentId: string | null, depth: number, name: string, children = 0): RollupRow =>
  ({ id, parentId, depth, name, role: "MEMBER", children }) as unknown as RollupRow;

// o ─┬─ a ─┬─ a1 ── a1x
//    │     └─ a2
//    └─ b ── b1
const rows = [
  row("o", null, 0, "Olivia", 2),
  row("a", "o", 1, "Ann", 2),
  row("b", "o", 1, "Bob", 1),
  row("a1", "a", 2, "Ava", 1),
  row("a2", "a", 2, "Amir"),
  row("b1", "b", 2, "Bea"),
  row("a1x", "a1", 3, "Axel"),
];

describe("dashboard tree model", () => {
  it("indexes the roll-up with descendant counts", () => {
    const index = indexRollup(rows)!;
    expect(index.rootId).toBe("o");
    expect(index.byId.get("o")!.descendantCount).toBe(6);
    expect(index.byId.get("a")!.descendantCount).toBe(3);
    expect(index.byId.get("a1x")!.descendantCount).toBe(0);
    expect(indexRollup([])).toBeNull();
  });

  it("drills into a subtree and builds the breadcrumb back up", () => {
    const full = indexRollup(rows)!;
    const a = drillInto(full, "a");
    expect([...a.byId.keys()].sort()).toEqual(["a", "a1", "a1x", "a2"]);
    expect(flattenVisible(a, () => true).map((r) => r.id)).toEqual(["a", "a2", "a1", "a1x"]);
    expect(breadcrumb(full, "a1").map((n) => n.name)).toEqual(["Olivia", "Ann", "Ava"]);
    expect(breadcrumb(full, "o").map((n) => n.name)).toEqual(["Olivia"]);
    expect(drillInto(full, "missing")).toBe(full);
  });

  it("any drill shows exactly the node's subtree (random trees)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), fc.nat(), (parents, pick) => {
        // Node i+1's parent is one of the nodes before it; rows are listed by depth like the server's.
        const n = parents.length + 1;
        const parent = [-1, ...parents.map((p, i) => p % (i + 1))];
        const depth = parent.map(() => 0);
        for (let i = 1; i < n; i++) depth[i] = depth[parent[i]!]! + 1;
        const order = [...Array(n).keys()].sort((x, y) => depth[x]! - depth[y]! || x - y);
        const kids = parent.map((_, i) => parent.filter((p) => p === i).length);
        const list = order.map((i) => row(`n${i}`, i === 0 ? null : `n${parent[i]}`, depth[i]!, `Name ${i}`, kids[i]));
        const full = indexRollup(list)!;
        const target = pick % n;
        const below = (i: number): number[] => [i, ...parent.flatMap((p, j) => (p === i ? below(j) : []))];
        const view = drillInto(full, `n${target}`);
        expect([...view.byId.keys()].sort()).toEqual(
          below(target)
            .map((i) => `n${i}`)
            .sort(),
        );
        expect(full.byId.get(`n${target}`)!.descendantCount).toBe(below(target).length - 1);
        const crumbs = breadcrumb(full, `n${target}`);
        expect(crumbs[0]!.id).toBe("n0");
        expect(crumbs.at(-1)!.id).toBe(`n${target}`);
      }),
    );
  });
});
