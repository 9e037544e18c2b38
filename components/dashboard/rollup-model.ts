/**
 * The dashboard tree's model, pure and linear: the index over a branch's rows (reusing the team tree's helpers).
 * A small branch comes with all its rows (`indexRollup`); a big one with its root and direct downline only
 * (`indexFirstView`), each carrying how many are below it, and deeper levels open by drilling.
 */
import { buildTreeIndex, type TreeIndex } from "@/components/team/tree-model";
import type { BranchRow, RollupRow } from "./types";

export type RollupNode = RollupRow & { childCount: number; descendantCount: number };

/** The index of a whole branch (rows come by depth, the first is the top). */
export function indexRollup(rows: readonly RollupRow[]): TreeIndex<RollupNode> | null {
  const top = rows[0];
  if (!top) return null;
  const pos = new Map(rows.map((r, i) => [r.id, i]));
  const descendants = new Int32Array(rows.length);
  for (let i = rows.length - 1; i > 0; i--) {
    const p = pos.get(rows[i]!.parentId ?? "");
    if (p !== undefined) descendants[p]! += descendants[i]! + 1;
  }
  const nodes = rows.map((r, i) => ({ ...r, childCount: r.children, descendantCount: descendants[i]! }));
  return buildTreeIndex(top.id, nodes);
}

/** The index of a big branch's first view: its root and direct downline, with the server's counts below each. */
export function indexFirstView(root: BranchRow, children: readonly BranchRow[]): TreeIndex<RollupNode> {
  const node = (r: BranchRow): RollupNode => ({ ...r, childCount: r.children, descendantCount: r.descendants });
  return buildTreeIndex(root.id, [node(root), ...children.map(node)]);
}
