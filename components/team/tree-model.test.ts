import { describe, expect, it } from "vitest";
import {
  allExpandable,
  ancestorsOf,
  buildTreeIndex,
  defaultExpanded,
  flattenVisible,
  isStrictlyBelow,
  searchTree,
  subtreeIds,
  type TreeNodeLike,
} from "./tree-model";

const node = (id: string, parentId: string | null, name: string): TreeNodeLike => ({
  id,
  parentId,
  name,
  childCount: 0,
  descendantCount: 0,
});

// owner ─┬─ Leo ─┬─ Mia ── Zed
//        │       └─ Ann
//        └─ Béa
const nodes = [
  node("o", null, "Olivia Owner"),
  node("l", "o", "Leo Leader"),
  node("b", "o", "Béa Bright"),
  node("m", "l", "Mia Member"),
  node("a", "l", "Ann Apple"),
  node("z", "m", "Zed Zulu"),
];
const index = buildTreeIndex("o", nodes);

describe("tree model", () => {
  it("sorts children by name and answers ancestor and subtree questions", () => {
    expect(index.children.get("o")).toEqual(["b", "l"]);
    expect(index.children.get("l")).toEqual(["a", "m"]);
    expect(ancestorsOf(index, "z")).toEqual(["m", "l", "o"]);
    expect([...subtreeIds(index, "l")].sort()).toEqual(["a", "l", "m", "z"]);
    expect(isStrictlyBelow(index, "l", "z")).toBe(true);
    expect(isStrictlyBelow(index, "l", "l")).toBe(false);
    expect(isStrictlyBelow(index, "l", "b")).toBe(false);
  });

  it("shows the root and the first level expanded by default, depth first with ARIA positions", () => {
    const expanded = defaultExpanded(index);
    const rows = flattenVisible(index, (id) => expanded.has(id));
    expect(
      rows.map((r) => `${r.id}@${r.level}:${r.posInSet}/${r.setSize}${r.expanded ? "+" : r.hasChildren ? "-" : ""}`),
    ).toEqual(["o@1:1/1+", "b@2:1/2", "l@2:2/2+", "a@3:1/2", "m@3:2/2-"]);
    expect(flattenVisible(index, () => false).map((r) => r.id)).toEqual(["o"]);
    expect(flattenVisible(index, (id) => allExpandable(index).has(id))).toHaveLength(6);
  });

  it("search finds names ignoring case and accents, and reveals the matches' ancestors", () => {
    const { matches, visible } = searchTree(index, "zed");
    expect([...matches]).toEqual(["z"]);
    expect([...visible].sort()).toEqual(["l", "m", "o", "z"]);
    const rows = flattenVisible(
      index,
      () => true,
      (id) => visible.has(id),
    );
    expect(rows.map((r) => r.id)).toEqual(["o", "l", "m", "z"]);
    expect(rows[1]).toMatchObject({ posInSet: 1, setSize: 1 });
    expect([...searchTree(index, "bea").matches]).toEqual(["b"]);
    expect(searchTree(index, "  ").visible.size).toBe(0);
  });

  it("stays linear on a deep chain (no recursion)", () => {
    const chain = Array.from({ length: 5000 }, (_, i) => node(`n${i}`, i === 0 ? null : `n${i - 1}`, `Person ${i}`));
    const deep = buildTreeIndex("n0", chain);
    expect(flattenVisible(deep, () => true)).toHaveLength(5000);
    expect(ancestorsOf(deep, "n4999")).toHaveLength(4999);
  });
});

describe("search on a deep chain", () => {
  it("reveals ancestors once each", () => {
    const chain = Array.from({ length: 5000 }, (_, i) => node(`n${i}`, i === 0 ? null : `n${i - 1}`, `Person ${i}`));
    const deep = buildTreeIndex("n0", chain);
    const { matches, visible } = searchTree(deep, "person");
    expect(matches.size).toBe(5000);
    expect(visible.size).toBe(5000);
  });
});
