/**
 * The dashboard's first view of a branch, cut from a goal's roll-up rows (`rollUpGoal`, ./rollup.ts) without
 * computing anything new: the branch's root, its direct downline, the members furthest behind, and a name search.
 * Every number shown is the roll-up row's own, so the first view, the full tree and the review agree by construction.
 *
 * `indexBranches` is linear and done once per roll-up (the service keeps it beside the rows while they are fresh:
 * server/services/progress/rollup-memo.ts); then a view costs its subtree's size at most (the off-pace scan), a
 * drill into any node the same, and the children of a node their count.
 *
 * A branch cut from a bigger roll-up (a drill served from the viewer's top's rows) reads as the branch's own roll-up
 * would: depths count from the branch's root (0).
 */
import type { DashboardRow } from "./rollup";
import { LEFT_ROLE } from "./rollup";

export interface BranchIndex {
  /** Position of each member in the rows. */
  position: Map<string, number>;
  /** Children of row i: `childList[childStart[i] .. childStart[i + 1])`, in row order (depth, then slot: join order). */
  childStart: Int32Array;
  childList: Int32Array;
  /** Depth-first (pre-order) position of each row, and the number of rows in its subtree (itself included). */
  preorder: Int32Array;
  subtreeSize: Int32Array;
  /** Rows in pre-order: a subtree is `byPreorder[preorder[i] .. preorder[i] + subtreeSize[i])`. */
  byPreorder: Int32Array;
  /** Lower-cased names, for the search. */
  folded: string[];
}

/** Rows must list parents first (as the roll-up returns them); a row whose upline is not listed is its own root. */
export function indexBranches(rows: readonly Pick<DashboardRow, "id" | "parentId" | "name">[]): BranchIndex {
  const n = rows.length;
  const position = new Map<string, number>();
  const parent = new Int32Array(n).fill(-1);
  const counts = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    position.set(r.id, i);
    const p = r.parentId === null ? undefined : position.get(r.parentId);
    if (p !== undefined && p < i) {
      parent[i] = p;
      counts[p + 1]! += 1;
    }
  }
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) childStart[i + 1] = childStart[i]! + counts[i + 1]!;
  const fill = childStart.slice(0, n);
  const childList = new Int32Array(Math.max(0, childStart[n]!));
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p >= 0) childList[fill[p]!++] = i;
  }
  // Subtree sizes bottom-up (children come after their parent), then pre-order positions top-down.
  const subtreeSize = new Int32Array(n).fill(1);
  for (let i = n - 1; i >= 0; i--) if (parent[i]! >= 0) subtreeSize[parent[i]!]! += subtreeSize[i]!;
  const preorder = new Int32Array(n);
  const next = new Int32Array(n);
  let roots = 0;
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p < 0) {
      preorder[i] = roots;
      roots += subtreeSize[i]!;
    } else {
      preorder[i] = preorder[p]! + 1 + next[p]!;
      next[p]! += subtreeSize[i]!;
    }
  }
  const byPreorder = new Int32Array(n);
  for (let i = 0; i < n; i++) byPreorder[preorder[i]!] = i;
  return {
    position,
    childStart,
    childList,
    preorder,
    subtreeSize,
    byPreorder,
    folded: rows.map((r) => r.name.toLocaleLowerCase()),
  };
}

/** A row with how many rows lie below it in the roll-up (removed members with history included). */
export type BranchRow = DashboardRow & { descendants: number };

export interface BranchView {
  root: BranchRow;
  /** The root's direct downline, in row order. */
  children: BranchRow[];
  /** Members strictly below the root whose own pace for the period is at risk or behind, furthest behind first. */
  offPace: BranchRow[];
  /** How many members below the root are off pace in all (`offPace` holds the first `offPaceLimit`). */
  offPaceCount: number;
  /** Rows in the branch, the root included. */
  size: number;
}

const withDescendants = (rows: readonly DashboardRow[], index: BranchIndex, i: number, base: number): BranchRow => ({
  ...rows[i]!,
  depth: rows[i]!.depth - base,
  descendants: index.subtreeSize[i]! - 1,
});

/** The row with its depth counted from a branch root at depth `base` (the row itself when `base` is 0). */
const rebased = (row: DashboardRow, base: number): DashboardRow =>
  base === 0 ? row : { ...row, depth: row.depth - base };

/** How far behind a member is on their own period plan (0 when not behind). */
export const shortfall = (row: Pick<DashboardRow, "ownExpected" | "ownActual">) =>
  Math.max(0, row.ownExpected - row.ownActual);

const isOffPace = (row: DashboardRow) =>
  row.role !== LEFT_ROLE && (row.ownStatus === "at_risk" || row.ownStatus === "behind");

/** Furthest behind first; ties by name, then id, so the order is stable. */
function behindFirst(a: DashboardRow, b: DashboardRow): number {
  return shortfall(b) - shortfall(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1);
}

/** The first view of the branch under `rootId`, or null when it is not in the rows. */
export function branchView(
  rows: readonly DashboardRow[],
  index: BranchIndex,
  rootId: string,
  options: { offPaceLimit: number },
): BranchView | null {
  const at = index.position.get(rootId);
  if (at === undefined) return null;
  const base = rows[at]!.depth;
  const children: BranchRow[] = [];
  for (let k = index.childStart[at]!; k < index.childStart[at + 1]!; k++) {
    children.push(withDescendants(rows, index, index.childList[k]!, base));
  }
  const from = index.preorder[at]! + 1;
  const to = index.preorder[at]! + index.subtreeSize[at]!;
  // Keep the worst `limit` in a small sorted list: linear in the branch, never a sort of the whole branch.
  const worst: number[] = [];
  let offPaceCount = 0;
  const limit = options.offPaceLimit;
  for (let p = from; p < to; p++) {
    const i = index.byPreorder[p]!;
    const row = rows[i]!;
    if (!isOffPace(row)) continue;
    offPaceCount += 1;
    if (limit <= 0) continue;
    if (worst.length === limit && behindFirst(row, rows[worst[limit - 1]!]!) >= 0) continue;
    let k = worst.length === limit ? limit - 1 : worst.length;
    while (k > 0 && behindFirst(row, rows[worst[k - 1]!]!) < 0) {
      worst[k] = worst[k - 1]!;
      k -= 1;
    }
    worst[k] = i;
  }
  return {
    root: withDescendants(rows, index, at, base),
    children,
    offPace: worst.map((i) => withDescendants(rows, index, i, base)),
    offPaceCount,
    size: index.subtreeSize[at]!,
  };
}

/** The rows of the branch under `rootId`, in row order (parents first), or null when it is not in the rows. */
export function branchRows(rows: readonly DashboardRow[], index: BranchIndex, rootId: string): DashboardRow[] | null {
  const at = index.position.get(rootId);
  if (at === undefined) return null;
  const from = index.preorder[at]!;
  const picked: number[] = [];
  for (let p = from; p < from + index.subtreeSize[at]!; p++) picked.push(index.byPreorder[p]!);
  picked.sort((a, b) => a - b);
  const base = rows[at]!.depth;
  return picked.map((i) => rebased(rows[i]!, base));
}

/** Is `id` in the branch under `rootId` (the root included)? O(1) once indexed. */
export function inBranch(index: BranchIndex, rootId: string, id: string): boolean {
  const root = index.position.get(rootId);
  const at = index.position.get(id);
  if (root === undefined || at === undefined) return false;
  const from = index.preorder[root]!;
  return index.preorder[at]! >= from && index.preorder[at]! < from + index.subtreeSize[root]!;
}

export interface BranchMatch {
  row: BranchRow;
  /** The names from the branch's root down to the match's upline. */
  path: string[];
}

/**
 * Members of the branch under `rootId` whose name contains `query` (case-insensitive), the branch's root excluded,
 * in pre-order (so a team reads top-down), at most `limit`; `total` counts them all.
 */
export function searchBranch(
  rows: readonly DashboardRow[],
  index: BranchIndex,
  rootId: string,
  query: string,
  limit: number,
): { matches: BranchMatch[]; total: number } | null {
  const at = index.position.get(rootId);
  if (at === undefined) return null;
  const q = query.trim().toLocaleLowerCase();
  const matches: BranchMatch[] = [];
  let total = 0;
  if (q.length === 0) return { matches, total };
  const from = index.preorder[at]! + 1;
  const to = index.preorder[at]! + index.subtreeSize[at]!;
  for (let p = from; p < to; p++) {
    const i = index.byPreorder[p]!;
    if (!index.folded[i]!.includes(q)) continue;
    total += 1;
    if (matches.length < limit)
      matches.push({ row: withDescendants(rows, index, i, rows[at]!.depth), path: pathTo(rows, index, at, i) });
  }
  return { matches, total };
}

function pathTo(rows: readonly DashboardRow[], index: BranchIndex, rootAt: number, i: number): string[] {
  const names: string[] = [];
  let id = rows[i]!.parentId;
  while (id !== null) {
    const p = index.position.get(id);
    if (p === undefined) break;
    names.push(rows[p]!.name);
    if (p === rootAt) break;
    id = rows[p]!.parentId;
  }
  return names.reverse();
}
