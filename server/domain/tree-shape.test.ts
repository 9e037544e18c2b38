import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countDescendants, type FlatNode } from "./tree-shape";

/** A random tree as a flat list in depth order: node i's parent is one of the nodes before it. */
const arbTree = fc.array(fc.nat(), { maxLength: 300 }).map((picks) => {
  const nodes: FlatNode[] = [{ id: "n0", parentId: null, depth: 0 }];
  picks.forEach((pick, i) => {
    const parent = nodes[pick % nodes.length]!;
    nodes.push({ id: `n${i + 1}`, parentId: parent.id, depth: parent.depth + 1 });
  });
  return nodes.sort((a, b) => a.depth - b.depth);
});

describe("countDescendants", () => {
  it("counts a small tree", () => {
    const counts = countDescendants([
      { id: "a", parentId: null, depth: 0 },
      { id: "b", parentId: "a", depth: 1 },
      { id: "c", parentId: "a", depth: 1 },
      { id: "d", parentId: "b", depth: 2 },
    ]);
    expect(counts.get("a")).toEqual({ descendants: 3, children: 2 });
    expect(counts.get("b")).toEqual({ descendants: 1, children: 1 });
    expect(counts.get("d")).toEqual({ descendants: 0, children: 0 });
  });

  it("root counts everyone else; each node counts 1 + its children's counts", () => {
    fc.assert(
      fc.property(arbTree, (nodes) => {
        const counts = countDescendants(nodes);
        expect(counts.get("n0")!.descendants).toBe(nodes.length - 1);
        for (const node of nodes) {
          const kids = nodes.filter((n) => n.parentId === node.id);
          const expected = kids.reduce((sum, k) => sum + 1 + counts.get(k.id)!.descendants, 0);
          expect(counts.get(node.id)).toEqual({ descendants: expected, children: kids.length });
        }
      }),
    );
  });
});
