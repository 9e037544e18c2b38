/**
 * (Over 300 lines: the general roll-up and the dashboard's goal roll-up share one pass and its guarantees.)
 *
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
 *
 * `rollUpGoal` is the dashboard's roll-up of a goal (the 100,000-member path): the same sums and counts, plus each
 * member's period targets from their share of the phased plan (or, for a member whose rest was re-planned, from their
 * own cumulative plan: `plan.replanned`) and their team's goal to date through the one pace model (`paceModel`), for
 * rows already listed parents first (server/queries/rollup.ts), in one bottom-up pass. Team numbers are always the
 * sums of the members' own, re-planned or not.
 */
import { addDays, type IsoDate } from "./calendar";
import { shareOfProgress } from "./dashboard-math";
import { PlanningError } from "./errors";
import { paceModel, paceStatus, PACE_THRESHOLDS, type PaceNote, type PaceStatus, type PaceThresholds } from "./pace";
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
  throw new PlanningError(
    "invalid_amount",
    `The ${label} of ${id} must be a whole number (got ${String(value)}).`,
    "nodes",
  );
}

const STATUS_INDEX: Record<PaceStatus, number> = { ahead: 0, on_track: 1, at_risk: 2, behind: 3 };

/**
 * One step of the bottom-up pass, shared by both roll-ups: child `v`'s team sums go into its parent `p`, and so do the
 * statuses below `v` plus `v`'s own (`counts[4i + s]` = members strictly below i with own status s).
 */
function addChild(
  sums: readonly Float64Array[],
  counts: Int32Array,
  ownStatus: readonly PaceStatus[],
  p: number,
  v: number,
  countSelf = true,
) {
  for (const sum of sums) sum[p]! += sum[v]!;
  const pb = 4 * p;
  const vb = 4 * v;
  counts[pb]! += counts[vb]!;
  counts[pb + 1]! += counts[vb + 1]!;
  counts[pb + 2]! += counts[vb + 2]!;
  counts[pb + 3]! += counts[vb + 3]!;
  if (countSelf) counts[pb + STATUS_INDEX[ownStatus[v]!]]! += 1;
}

/** The statuses below member `i`, from the pass's counts. */
function belowOf(counts: Int32Array, i: number): StatusCounts {
  const b = 4 * i;
  const ahead = counts[b]!;
  const onTrack = counts[b + 1]!;
  const atRisk = counts[b + 2]!;
  const behind = counts[b + 3]!;
  return {
    ahead,
    on_track: onTrack,
    at_risk: atRisk,
    behind,
    onPace: ahead + onTrack,
    offPace: atRisk + behind,
    total: ahead + onTrack + atRisk + behind,
  };
}

/** Rows in input order. */
export function rollUp(nodes: readonly RollupNode[], thresholds: PaceThresholds = PACE_THRESHOLDS): RollupRow[] {
  return rollUpIndexed(nodes, indexTree(nodes), thresholds);
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

  const sums = [teamActual, teamTarget, teamExpected];
  for (let k = n - 1; k > 0; k--) {
    const v = order[k]!;
    addChild(sums, counts, ownStatus, parent[v]!, v);
  }

  const rows = new Array<RollupRow>(n);
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
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
      below: belowOf(counts, i),
    };
  }
  return rows;
}

/**
 * The role of a removed member's row: their history stays in their former upline's totals (docs/PLANNING.md,
 * "Targets follow the tree"); they count in the sums but not among the members on or off pace below.
 */
export const LEFT_ROLE = "LEFT";

/** One member's numbers for a goal as the roll-up read returns them (server/queries/rollup.ts), parents first. */
export interface MemberProgress {
  id: string;
  parentId: string | null;
  /** The parent's position in the rows when the read knows it (−1 for the root); saves a map by id. */
  parentIndex?: number;
  depth: number;
  name: string;
  role: string;
  /** The member's personal target for the whole goal (the goal's split, GoalSplit), null when none. */
  share: number | null;
  teamShare: number | null;
  periodActual: number;
  toDateActual: number;
  windowActual: number;
}

/** A dashboard row: the member's period roll-up and their team's goal to date. */
export interface DashboardRow {
  id: string;
  parentId: string | null;
  depth: number;
  name: string;
  role: string;
  /** Number of direct members below (in this subtree). */
  children: number;
  ownActual: number;
  ownTarget: number;
  ownExpected: number;
  ownStatus: PaceStatus;
  teamActual: number;
  teamTarget: number;
  teamExpected: number;
  teamStatus: PaceStatus;
  below: StatusCounts;
  /** Goal to date (progress since the start, baseline excluded), from the pace model (`paceModel`). */
  goal: {
    share: number;
    teamShare: number;
    teamActual: number;
    teamExpected: number;
    status: PaceStatus;
    forecast: number | null;
    /** What each remaining week / open day must bring to finish on target; 0 when none is needed. */
    catchUpPerWeek: number;
    catchUpPerDay: number;
    note: PaceNote;
  };
}

export interface GoalRollupPlan {
  /** The goal's progress to make (target − baseline), and the plan's progress (baseline excluded) by a day's end. */
  total: number;
  progress: (day: IsoDate) => number;
  period: { from: IsoDate; to: IsoDate; asOf: IsoDate };
  /** The last day of the period, and of the goal so far, whose plan is due (see `lastDueDay`). */
  periodDue: IsoDate;
  goalDue: IsoDate;
  /** The pace model's days (run-rate window, forecast days, catch-up days): `goalPaceDays`. */
  days: { windowOpenDays: number; forecastOpenDays: number; remainingOpenDays: number; openDaysPerWeek: number };
  /**
   * The few members whose rest was re-planned: their own cumulative plan by a day's end (progress since the start),
   * used instead of their share of `progress` (`memberExpectedOn`, expected-plan.ts). Members not in it cost nothing.
   */
  replanned?: ReadonlyMap<string, (day: IsoDate) => number>;
}

/**
 * The dashboard roll-up of a goal, linear: own period targets from each share, then ONE bottom-up pass for the period
 * sums, the statuses below and the goal-to-date sums, then each row's pace. Rows must list parents first (the root
 * at 0); `PlanningError` `not_top_down` otherwise. No rows, no rows.
 */
export function rollUpGoal(rows: readonly MemberProgress[], plan: GoalRollupPlan): DashboardRow[] {
  const n = rows.length;
  if (n === 0) return [];
  const pBefore = plan.progress(addDays(plan.period.from, -1));
  const pTo = plan.progress(plan.period.to);
  // Never below the period's start: before it nothing is due.
  const pDue = Math.max(pBefore, plan.progress(plan.periodDue));
  const pGoal = plan.progress(plan.goalDue);
  const total = plan.total;
  const replanned = plan.replanned !== undefined && plan.replanned.size > 0 ? plan.replanned : null;
  const dayBefore = replanned ? addDays(plan.period.from, -1) : plan.period.from;

  const index = new Map<string, number>();
  const parent = new Int32Array(n).fill(-1);
  const children = new Int32Array(n);
  const ownTarget = new Float64Array(n);
  const ownExpected = new Float64Array(n);
  const ownStatus = new Array<PaceStatus>(n);
  const teamActual = new Float64Array(n);
  const teamTarget = new Float64Array(n);
  const teamExpected = new Float64Array(n);
  // counts[4i + s] = members strictly below i with own status s.
  const counts = new Int32Array(4 * n);
  const toDate = new Float64Array(n);
  const win = new Float64Array(n);
  const goalExpected = new Float64Array(n);
  const share = new Float64Array(n);

  // Top-down: parent positions and each member's own numbers.
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    if (r.parentIndex === undefined) index.set(r.id, i);
    if (i > 0) {
      const p = r.parentIndex ?? index.get(r.parentId!);
      if (p === undefined || !(p >= 0 && p < i)) {
        throw new PlanningError("not_top_down", `The upline of ${r.id} is not listed before them.`, "nodes");
      }
      parent[i] = p;
      children[p]! += 1;
    }
    const s = r.share ?? 0;
    // A re-planned member's own cumulative plan, else their share of the goal's (the one rule: expected-plan.ts).
    const own = replanned === null ? undefined : replanned.get(r.id);
    const before = own ? own(dayBefore) : shareOfProgress(s, pBefore, total);
    const target = (own ? own(plan.period.to) : shareOfProgress(s, pTo, total)) - before;
    const expected = (own ? Math.max(before, own(plan.periodDue)) : shareOfProgress(s, pDue, total)) - before;
    if (!Number.isSafeInteger(r.periodActual)) invalid(r.id, "actual", r.periodActual);
    if (!Number.isSafeInteger(target)) invalid(r.id, "target", target);
    if (!Number.isSafeInteger(expected)) invalid(r.id, "expected", expected);
    ownTarget[i] = target;
    ownExpected[i] = expected;
    ownStatus[i] = paceStatus(r.periodActual, expected, 0);
    teamActual[i] = r.periodActual;
    teamTarget[i] = target;
    teamExpected[i] = expected;
    toDate[i] = r.toDateActual;
    win[i] = r.windowActual;
    goalExpected[i] = own ? own(plan.goalDue) : shareOfProgress(s, pGoal, total);
    share[i] = s;
  }

  // Bottom-up: rows come parents first, so walking backwards visits every child before its parent.
  const sums = [teamActual, teamTarget, teamExpected, toDate, win, goalExpected, share];
  for (let i = n - 1; i > 0; i--) addChild(sums, counts, ownStatus, parent[i]!, i, rows[i]!.role !== LEFT_ROLE);

  const out = new Array<DashboardRow>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const pace = paceModel({
      actual: toDate[i]!,
      expected: goalExpected[i]!,
      target: share[i]!,
      window: { sum: win[i]!, openDays: plan.days.windowOpenDays },
      forecastOpenDays: plan.days.forecastOpenDays,
      remainingOpenDays: plan.days.remainingOpenDays,
      openDaysPerWeek: plan.days.openDaysPerWeek,
    });
    // Fields listed (no object spread): this runs once per member, 100,000 times for a big team.
    out[i] = {
      id: r.id,
      parentId: r.parentId,
      depth: r.depth,
      name: r.name,
      role: r.role,
      children: children[i]!,
      ownActual: r.periodActual,
      ownTarget: ownTarget[i]!,
      ownExpected: ownExpected[i]!,
      ownStatus: ownStatus[i]!,
      teamActual: teamActual[i]!,
      teamTarget: teamTarget[i]!,
      teamExpected: teamExpected[i]!,
      teamStatus: paceStatus(teamActual[i]!, teamExpected[i]!, 0),
      below: belowOf(counts, i),
      goal: {
        share: r.share ?? 0,
        teamShare: share[i]!,
        teamActual: toDate[i]!,
        teamExpected: goalExpected[i]!,
        status: pace.status,
        forecast: pace.forecast,
        catchUpPerWeek: pace.catchUp.perWeek,
        catchUpPerDay: pace.catchUp.perDay,
        note: pace.note,
      },
    };
  }
  return out;
}
