/**
 * Roll-up: every member's own and team totals, pace, and how many below them are on or off pace.
 *
 * Guarantees, for a valid tree (see `tree.ts`):
 * - team X(node) = own X(node) + Σ team X(children), exactly, for actual, target and expected; so the root's team
 *   totals are the sums over every member (with actuals only on leaves: the sum of the leaves);
 * - `ownStatus` compares own actual with own expected-to-date and `teamStatus` team actual with team
 *   expected-to-date, with `paceStatus` and the single `PACE_THRESHOLDS` (expected defaults to the target, i.e. an
 *   end-of-period view);
 * - `below` counts the members strictly below the node (its whole downline, not the node itself) by own status, and
 *   `onPace` = ahead + on_track, `offPace` = at_risk + behind;
 * - one pass bottom-up over a breadth-first order: O(n) time and memory, no recursion.
 * Amounts must be whole numbers (actuals may be negative after corrections).
 */
import { PlanningError } from "./errors";
import { paceStatus, PACE_THRESHOLDS, type PaceStatus, type PaceThresholds } from "./pace";
import { indexTree, type TreeIndex } from "./tree";

export interface RollupNode {
  id: string;
  parentId: string | null;
  ownActual: number;
  ownTarget: number;
  /** Own expected-to-date from the member's plan; defaults to `ownTarget`. */
  ownExpected?: number;
}

export interface StatusCounts {
  ahead: number;
  on_track: number;
  at_risk: number;
  behind: number;
  onPace: number;
  offPace: number;
  total: number;
}

export interface RollupRow {
  id: string;
  parentId: string | null;
  depth: number;
  ownActual: number;
  ownTarget: number;
  ownExpected: number;
  teamActual: number;
  teamTarget: number;
  teamExpected: number;
  ownStatus: PaceStatus;
  teamStatus: PaceStatus;
  /** Own statuses of everyone strictly below this member. */
  below: StatusCounts;
}

function invalid(id: string, label: string, value: unknown): never {
  throw new PlanningError("invalid_amount", `The ${label} of ${id} must be a whole number (got ${String(value)}).`, "nodes");
}

const STATUS_INDEX: Record<PaceStatus, number> = { ahead: 0, on_track: 1, at_risk: 2, behind: 3 };

/** Rows in input order. */
export function rollUp(nodes: readonly RollupNode[], thresholds: PaceThresholds = PACE_THRESHOLDS): RollupRow[] {
  return rollUpIndexed(nodes, indexTree(nodes), thresholds);
}

/**
 * The same roll-up for nodes already listed parents first (the root at 0), given each node's parent position
 * (`parent[0]` = −1, `parent[i]` < i): no id lookups, for callers whose read already ordered the tree (the dashboard).
 * Throws `PlanningError` (`not_top_down`) when the positions break that rule; `parentId` fields are not read.
 */
export function rollUpOrdered(
  nodes: readonly RollupNode[],
  parent: Int32Array,
  thresholds: PaceThresholds = PACE_THRESHOLDS,
): RollupRow[] {
  const n = nodes.length;
  if (n === 0) throw new PlanningError("empty_tree", "The team is empty: there is nobody to plan for.", "nodes");
  if (parent.length !== n || parent[0] !== -1) {
    throw new PlanningError("not_top_down", "The roll-up needs the top member first and one upline position per member.", "nodes");
  }
  const depth = new Int32Array(n);
  const order = new Int32Array(n);
  for (let i = 1; i < n; i++) {
    const p = parent[i]!;
    if (!(p >= 0 && p < i)) {
      throw new PlanningError("not_top_down", `The upline of ${nodes[i]!.id} is not listed before them.`, "nodes");
    }
    depth[i] = depth[p]! + 1;
    order[i] = i;
  }
  return rollUpIndexed(nodes, { parent, order, root: 0, depth }, thresholds);
}

function rollUpIndexed(
  nodes: readonly RollupNode[],
  tree: Pick<TreeIndex, "parent" | "order" | "root" | "depth">,
  thresholds: PaceThresholds,
): RollupRow[] {
  const n = nodes.length;
  const { parent, order, root, depth } = tree;
  const teamActual = new Float64Array(n);
  const teamTarget = new Float64Array(n);
  const teamExpected = new Float64Array(n);
  const ownStatus = new Array<PaceStatus>(n);
  // counts[4i + s] = members strictly below i with own status s.
  const counts = new Int32Array(4 * n);

  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    const expected = node.ownExpected ?? node.ownTarget;
    if (!Number.isSafeInteger(node.ownActual)) invalid(node.id, "actual", node.ownActual);
    if (!Number.isSafeInteger(node.ownTarget)) invalid(node.id, "target", node.ownTarget);
    if (!Number.isSafeInteger(expected)) invalid(node.id, "expected", expected);
    teamActual[i] = node.ownActual;
    teamTarget[i] = node.ownTarget;
    teamExpected[i] = expected;
    ownStatus[i] = paceStatus(node.ownActual, expected, 0, thresholds);
  }

  for (let k = n - 1; k > 0; k--) {
    const v = order[k]!;
    const p = parent[v]!;
    teamActual[p]! += teamActual[v]!;
    teamTarget[p]! += teamTarget[v]!;
    teamExpected[p]! += teamExpected[v]!;
    const pb = 4 * p;
    const vb = 4 * v;
    counts[pb]! += counts[vb]!;
    counts[pb + 1]! += counts[vb + 1]!;
    counts[pb + 2]! += counts[vb + 2]!;
    counts[pb + 3]! += counts[vb + 3]!;
    counts[pb + STATUS_INDEX[ownStatus[v]!]]! += 1;
  }

  const rows = new Array<RollupRow>(n);
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    const b = 4 * i;
    const ahead = counts[b]!;
    const onTrack = counts[b + 1]!;
    const atRisk = counts[b + 2]!;
    const behind = counts[b + 3]!;
    rows[i] = {
      id: node.id,
      parentId: i === root ? null : nodes[parent[i]!]!.id,
      depth: depth[i]!,
      ownActual: node.ownActual,
      ownTarget: node.ownTarget,
      ownExpected: node.ownExpected ?? node.ownTarget,
      teamActual: teamActual[i]!,
      teamTarget: teamTarget[i]!,
      teamExpected: teamExpected[i]!,
      ownStatus: ownStatus[i]!,
      teamStatus: paceStatus(teamActual[i]!, teamExpected[i]!, 0, thresholds),
      below: {
        ahead,
        on_track: onTrack,
        at_risk: atRisk,
        behind,
        onPace: ahead + onTrack,
        offPace: atRisk + behind,
        total: ahead + onTrack + atRisk + behind,
      },
    };
  }
  return rows;
}
