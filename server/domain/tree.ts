/**
 * A team tree given as a flat list of `{ id, parentId }` (parentId = upline).
 *
 * Guarantees:
 * - `indexTree` accepts any subtree: the root is the one node whose `parentId` is null or not in the list. It throws
 *   `PlanningError` for an empty list (`empty_tree`), a repeated id (`duplicate_id`), more than one root
 *   (`multiple_roots`) and cycles (`cycle`, including a node that is its own parent).
 * - It returns array indexes (input order) and a top-down breadth-first `order` in which every parent comes before
 *   its children; iterate it forwards to go top-down and backwards to go bottom-up. Children keep input order.
 * - Given `parentIndex` (each node's upline as an input index, −1 for none), ids are not resolved: the id map is
 *   built only when `indexOf` is read (and the duplicate-id check with it).
 * - No recursion anywhere, so a 100,000-deep chain is fine; time and memory are linear in the number of nodes.
 */
import { PlanningError } from "./errors";

/**
 * The team's root (the head of its tree, whose subtree is the whole team): its one active member with no upline. A
 * removed member has no upline either (detached, kept for history) and is never the root.
 */
export function isTeamRoot(member: { parentId: string | null; status: string }): boolean {
  return member.status === "ACTIVE" && member.parentId === null;
}

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

export function indexTree(nodes: readonly TreeNodeRef[], parentIndex?: Int32Array): TreeIndex {
  const n = nodes.length;
  if (n === 0) throw new PlanningError("empty_tree", "The team is empty: there is nobody to plan for.", "nodes");
  if (parentIndex && parentIndex.length !== n) throw new RangeError("parentIndex must have one entry per node.");

  const buildIndex = () => {
    const map = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const id = nodes[i]!.id;
      if (typeof id !== "string" || id.length === 0) {
        throw new PlanningError("invalid_id", `Member ${i + 1} has no id.`, "nodes");
      }
      if (map.has(id)) throw new PlanningError("duplicate_id", `The member ${id} appears twice.`, "nodes");
      map.set(id, i);
    }
    return map;
  };
  // Given the uplines as indexes, the ids need no map unless someone looks one up (a cascade's overrides).
  let indexOf = parentIndex ? undefined : buildIndex();
  const upline = (i: number): number | undefined => {
    if (parentIndex) {
      const p = parentIndex[i]!;
      if (p >= n) throw new RangeError(`The upline of node ${i} is outside the list.`);
      return p < 0 ? undefined : p;
    }
    const pid = nodes[i]!.parentId;
    return pid === null || pid === undefined ? undefined : indexOf!.get(pid);
  };

  const parent = new Int32Array(n);
  const childCount = new Int32Array(n + 1);
  let root = -1;
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    const p = upline(i);
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

  return {
    size: n,
    get indexOf() {
      return (indexOf ??= buildIndex());
    },
    parent,
    root,
    order,
    childStart,
    children,
    depth,
  };
}

/** The members under one root, level by level (see `levelOrderOf`). */
export interface LevelOrder {
  /** Input indexes of the root and everyone under it: root first, then each depth in input order. */
  order: Int32Array;
  /** Depth of each input index (root = 0); −1 for members not under the root. */
  depth: Int32Array;
  /** Input index of each member's upline; −1 for the root and for uplines not in the list. */
  parent: Int32Array;
}

/**
 * The member at input index `root` and everyone under it, ordered by depth and, within a depth, by input order (the
 * roll-up read passes members in slot order, so the order is (depth, slot)). Each member's upline is an input index
 * (`parentIndex[i]`, −1 for none or not in the list): the caller resolves ids once, or has the uplines as numbers
 * (slots) and builds no map of ids at all. Unlike `indexTree` the list may hold other trees or stray members (a team
 * read whole): they are left out. Linear in the list, flat typed arrays, no recursion; a root outside the list gives
 * an empty order; `root`'s own upline is ignored.
 */
export function levelOrderOf(parentIndex: Int32Array, root: number): LevelOrder {
  const n = parentIndex.length;
  const depth = new Int32Array(n).fill(-1);
  const parent = Int32Array.from(parentIndex);
  if (root < 0 || root >= n) return { order: new Int32Array(0), depth, parent };
  parent[root] = -1;
  // Children as flat arrays (first child offset per member), input order kept.
  const first = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p >= n) throw new RangeError(`The upline of member ${i} is outside the list.`);
    if (p >= 0) first[p + 1]! += 1;
  }
  for (let i = 0; i < n; i++) first[i + 1]! += first[i]!;
  const next = first.slice(0, n);
  const kids = new Int32Array(first[n]!);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) kids[next[parent[i]!]!++] = i;
  // Breadth first from the root gives each member its depth (a cycle is never entered twice).
  const queue = new Int32Array(n);
  depth[root] = 0;
  queue[0] = root;
  let tail = 1;
  let maxDepth = 0;
  for (let q = 0; q < tail; q++) {
    const i = queue[q]!;
    for (let k = first[i]!; k < first[i + 1]!; k++) {
      const c = kids[k]!;
      if (depth[c] !== -1) continue;
      depth[c] = depth[i]! + 1;
      if (depth[c]! > maxDepth) maxDepth = depth[c]!;
      queue[tail++] = c;
    }
  }
  // A counting sort by depth keeps input order inside each depth.
  const start = new Int32Array(maxDepth + 2);
  for (let i = 0; i < n; i++) if (depth[i]! >= 0) start[depth[i]! + 1]! += 1;
  for (let d = 0; d <= maxDepth; d++) start[d + 1]! += start[d]!;
  const order = new Int32Array(tail);
  for (let i = 0; i < n; i++) if (depth[i]! >= 0) order[start[depth[i]!]!++] = i;
  return { order, depth, parent };
}

/**
 * A team's tree by slot from its members' slots and the slot each counts under (`ups[i]`, −1 for none): `up[slot]`
 * (−1 for a root or a slot no one holds) and `order`, every slot reachable from a root, parents before children
 * (breadth first: roots, then each depth). Members on a cycle are left out. Linear, for any team size (no spread of
 * 100,000 numbers into one call: that overflows the call stack).
 */
export function treeBySlot(slots: readonly number[], ups: readonly number[]): { up: Int32Array; order: Int32Array } {
  let size = 0;
  for (const s of slots) if (s + 1 > size) size = s + 1;
  const up = new Int32Array(size).fill(-1);
  slots.forEach((s, i) => (up[s] = ups[i]!));
  // Every root under one virtual root at `size`: one breadth-first order, then the virtual root dropped.
  const parent = new Int32Array(size + 1);
  for (let s = 0; s < size; s++) parent[s] = up[s]! >= 0 ? up[s]! : size;
  parent[size] = -1;
  return { up, order: levelOrderOf(parent, size).order.subarray(1) };
}
