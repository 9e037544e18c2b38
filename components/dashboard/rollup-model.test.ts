import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flattenVisible } from "@/components/team/tree-model";
import { indexFirstView, indexRollup } from "./rollup-model";
import type { BranchRow, RollupRow } from "./types";

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

  it("indexes a big branch's first view with the server's counts below", () => {
    const root = { ...rows[0]!, descendants: 6 } as unknown as BranchRow;
    const kids = [
      { ...rows[1]!, descendants: 3 },
      { ...rows[2]!, descendants: 1 },
    ] as unknown as BranchRow[];
    const index = indexFirstView(root, kids);
    expect(index.rootId).toBe("o");
    expect(index.byId.get("o")!.descendantCount).toBe(6);
    expect(index.byId.get("a")!.descendantCount).toBe(3);
    expect(index.byId.get("a")!.childCount).toBe(2);
    // Names sort the downline; nobody below it is loaded (they open by drilling).
    expect(flattenVisible(index, () => true).map((r) => r.id)).toEqual(["o", "a", "b"]);
  });

  it("any branch's index holds exactly its rows with their counts below (random trees)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), fc.nat(), (parents, pick) => {
        // Node i+1's parent is one of the nodes before it; rows are listed by depth like the server's.
        const n = parents.length + 1;
        const parent = [-1, ...parents.map((p, i) => p % (i + 1))];
        const depth = parent.map(() => 0);
        for (let i = 1; i < n; i++) depth[i] = depth[parent[i]!]! + 1;
        const below = (i: number): number[] => [i, ...parent.flatMap((p, j) => (p === i ? below(j) : []))];
        const target = pick % n;
        const keep = new Set(below(target));
        const order = [...Array(n).keys()].filter((i) => keep.has(i)).sort((x, y) => depth[x]! - depth[y]! || x - y);
        const kids = parent.map((_, i) => parent.filter((p) => p === i).length);
        const list = order.map((i) =>
          row(`n${i}`, i === target ? null : `n${parent[i]}`, depth[i]!, `Name ${i}`, kids[i]),
        );
        const index = indexRollup(list)!;
        expect(index.rootId).toBe(`n${target}`);
        expect([...index.byId.keys()].sort()).toEqual([...keep].map((i) => `n${i}`).sort());
        for (const i of keep) expect(index.byId.get(`n${i}`)!.descendantCount).toBe(below(i).length - 1);
      }),
    );
  });
});
