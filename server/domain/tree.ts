/**
 * A team tree given as a flat list of `{ id, parentId }` (parentId = upline).
 *
 * Guarantees:
 * - `indexTree` accepts any subtree: the root is the one node whose `parentId` is null or not in the list. It throws
 *   `PlanningError` for an empty list (`empty_tree`), a repeated id (`duplicate_id`), more than one root
 *   (`multiple_roots`) and cycles (`cycle`, including a node that is its own parent).
 * - It returns array indexes (input order) and a top-down breadth-first `order` in which every parent comes before
 *   its children; iterate it forwards to go top-down and backwards to go bottom-up. Children keep input order.
 * - No recursion anywhere, so a 100,000-deep chain is fine; time and memory are linear in the number of nodes.
 */
import { PlanningError } from "./errors";

export interface TreeNodeRef {
  id: string;
  parentId: string | null;
}

export interface TreeIndex {
  size: number;
  /** Node index (input position) of each id. */
  indexOf: Map<string, number>;
  /** Parent index of each node, −1 for the root. */
  parent: Int32Array;
  root: number;
  /** Top-down breadth-first order of node indexes (parents before children). */
  order: Int32Array;
  /** Children of node i are `children[childStart[i] … childStart[i+1]−1]`, in input order. */
  childStart: Int32Array;
  children: Int32Array;
  /** Depth of each node (root = 0). */
  depth: Int32Array;
}

export function indexTree(nodes: readonly TreeNodeRef[]): TreeIndex {
  const n = nodes.length;
  if (n === 0) throw new PlanningError("empty_tree", "The team is empty: there is nobody to plan for.", "nodes");

  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = nodes[i]!.id;
    if (typeof id !== "string" || id.length === 0) {
      throw new PlanningError("invalid_id", `Member ${i + 1} has no id.`, "nodes");
    }
    if (indexOf.has(id)) throw new PlanningError("duplicate_id", `The member ${id} appears twice.`, "nodes");
    indexOf.set(id, i);
  }

  const parent = new Int32Array(n);
  const childCount = new Int32Array(n + 1);
  let root = -1;
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    const p = node.parentId === null || node.parentId === undefined ? undefined : indexOf.get(node.parentId);
    if (p === undefined) {
      if (root !== -1) {
        throw new PlanningError(
          "multiple_roots",
          `The team has more than one top member (${nodes[root]!.id} and ${node.id}); plan one tree at a time.`,
          "nodes",
        );
      }
      root = i;
      parent[i] = -1;
    } else {
      if (p === i) throw new PlanningError("cycle", `The member ${node.id} is their own upline.`, "nodes");
      parent[i] = p;
      childCount[p]!++;
    }
  }
  if (root === -1) {
    throw new PlanningError("cycle", "The team has no top member: the uplines go round in a circle.", "nodes");
  }

  // Children in CSR form, input order kept (counting sort).
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) childStart[i + 1] = childStart[i]! + childCount[i]!;
  const fill = childStart.slice(0, n);
  const children = new Int32Array(Math.max(0, n - 1));
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p >= 0) children[fill[p]!++] = i;
  }

  // Breadth-first order from the root; anything not reached sits on a cycle.
  const order = new Int32Array(n);
  const depth = new Int32Array(n);
  order[0] = root;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++]!;
    const dv = depth[v]! + 1;
    for (let k = childStart[v]!, end = childStart[v + 1]!; k < end; k++) {
      const c = children[k]!;
      depth[c] = dv;
      order[tail++] = c;
    }
  }
  if (tail !== n) {
    const seen = new Uint8Array(n);
    for (let k = 0; k < tail; k++) seen[order[k]!] = 1;
    let stuck = 0;
    while (seen[stuck]) stuck++;
    throw new PlanningError(
      "cycle",
      `The uplines of ${nodes[stuck]!.id} go round in a circle and never reach ${nodes[root]!.id}.`,
      "nodes",
    );
  }

  return { size: n, indexOf, parent, root, order, childStart, children, depth };
}
