/**
 * The dashboard tree's model, pure and linear: an index over the roll-up rows (reusing the team tree's helpers),
 * the subtree of the node the user drilled into, and the breadcrumb from the top of what they may see down to it.
 */
import { ancestorsOf, buildTreeIndex, subtreeIds, type TreeIndex } from "@/components/team/tree-model";
import type { RollupRow } from "./types";

export type RollupNode = RollupRow & { childCount: number; descendantCount: number };

/** The index of the whole roll-up (rows come by depth, the first is the top). */
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

/** The same index re-rooted at `rootId` (only its subtree), for a drill-down. */
export function drillInto(full: TreeIndex<RollupNode>, rootId: string): TreeIndex<RollupNode> {
  if (rootId === full.rootId || !full.byId.has(rootId)) return full;
  const keep = subtreeIds(full, rootId);
  const byId = new Map<string, RollupNode>();
  const children = new Map<string, string[]>();
  for (const id of keep) {
    byId.set(id, full.byId.get(id)!);
    const kids = full.children.get(id);
    if (kids) children.set(id, kids);
  }
  return { rootId, byId, children };
}

/** The breadcrumb: the top of the roll-up down to `rootId`, inclusive. */
export function breadcrumb(full: TreeIndex<RollupNode>, rootId: string): RollupNode[] {
  if (!full.byId.has(rootId)) return [];
  return [...ancestorsOf(full, rootId).reverse(), rootId].map((id) => full.byId.get(id)!);
}
