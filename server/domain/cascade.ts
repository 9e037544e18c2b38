/**
 * Cascading a team target down the tree.
 *
 * Every member gets a **personal** target (their own share) and a **team** target (their own plus their whole
 * downline's). Guarantees, for every accepted input, conflicts or not:
 * - all targets are whole numbers ≥ 0;
 * - team(node) = personal(node) + Σ team(children) exactly, for every node;
 * - team(root) = the target exactly;
 * - when `conflicts` is empty, every override is met exactly and everyone else shares the rest in proportion to
 *   their weight under the rule, rounded by largest remainder (so each share is its exact quota rounded down or up);
 * - it runs in O(n log n) with no recursion: 100,000 members, 30+ levels, 50+ children per node are fine.
 *
 * Rules (the personal weight of an active member; inactive members weigh 0):
 * - `even`: 1 each;
 * - `weight`: the member's `weight` (a percentage of a full-time share: 100 = full time, 50 = half time; see
 *   split-weight.ts); a member without one counts as the average of those given. Whole weights split exactly;
 * - `history`: the member's actual over the look-back window, floored at `historyFloor` (default ½) × the average of
 *   the positive histories, so a new member starts with a fair share (half an average member's) instead of nothing.
 *   If nobody has any history, everyone active weighs 1.
 * If every free member in a group weighs 0 (e.g. all inactive), the group's amount is shared evenly among them.
 *
 * Overrides. A `personal` override fixes a member's own share; a `team` override fixes a member's whole team total.
 * The tree is cut into *groups*: the root's group, and one group per team override (the member with the override and
 * everyone below them up to the next team override). Each group's amount (the target for the root; the override for
 * the others) pays first its fixed parts — personal overrides in the group and the team overrides just below it —
 * and the rest is split among the group's free members by weight.
 *
 * Conflicts — reported, never silent. If a group's fixed parts add up to more than its amount, or nobody in the
 * group is free to take what is left, the amount from above wins: the group's fixed parts are scaled in proportion to
 * their requested values (largest remainder) so that they add up exactly to the group's amount, free members get 0,
 * and the group appears in `conflicts` with every override whose value changed (`requested` vs `assigned`). A team
 * override on the root that differs from the target is reported too (the target wins). All guarantees above still
 * hold, so the result can be shown as a preview; a service should refuse to save while `conflicts` is non-empty.
 */
import { apportion } from "./apportion";
import { PlanningError, requireAmount } from "./errors";
import { gcdOf } from "./split-weight";
import { indexTree } from "./tree";

export type SplitRule = "even" | "history" | "weight";

export interface CascadeNode {
  id: string;
  parentId: string | null;
  /** Used by the `weight` rule (e.g. hours available); finite, ≥ 0. */
  weight?: number;
  /** Used by the `history` rule: actual over the look-back window; finite, ≥ 0. */
  historyActual?: number;
  /** Inactive members get no share of their own (default true). */
  active?: boolean;
}

export interface CascadeOverride {
  id: string;
  kind: "personal" | "team";
  value: number;
}

export interface CascadeInput {
  nodes: readonly CascadeNode[];
  /** Each node's upline as an index into `nodes` (−1 for the root), when the caller has it: no ids to resolve. */
  parentIndex?: Int32Array;
  /** The root's team target. */
  target: number;
  rule: SplitRule;
  overrides?: readonly CascadeOverride[];
  /** History floor as a fraction (0–1) of the average positive history (default 0.5). */
  historyFloor?: number;
  /** For messages: a member's name (default the id) and an amount (default plain digits). */
  nameOf?: (id: string) => string;
  formatAmount?: (amount: number) => string;
}

export interface CascadeTarget {
  id: string;
  parentId: string | null;
  personal: number;
  team: number;
  /** True when a personal / team override was given for this member. */
  personalFixed: boolean;
  teamFixed: boolean;
}

export interface ChangedOverride {
  id: string;
  kind: "personal" | "team";
  requested: number;
  assigned: number;
}

export interface CascadeConflict {
  code: "overrides_exceed_available" | "overrides_leave_remainder" | "root_team_override";
  /** The member whose group could not be balanced (the root, or a member with a team override). */
  nodeId: string;
  /** The group's amount. */
  available: number;
  /** What the fixed parts asked for. */
  requested: number;
  changed: ChangedOverride[];
  message: string;
}

export interface CascadeResult {
  /** One entry per input node, in input order. */
  targets: CascadeTarget[];
  conflicts: CascadeConflict[];
}

export const DEFAULT_HISTORY_FLOOR = 0.5;

export function cascadeTargets(input: CascadeInput): CascadeResult {
  const { nodes, rule } = input;
  const name = input.nameOf ?? ((id: string) => id);
  const fmt = input.formatAmount ?? ((a: number) => String(a));
  const target = requireAmount(input.target, "target", "team target");
  if (rule !== "even" && rule !== "history" && rule !== "weight") {
    throw new PlanningError(
      "invalid_rule",
      `The split rule must be even, history or weight (got ${JSON.stringify(rule)}).`,
      "rule",
    );
  }
  const tree = indexTree(nodes, input.parentIndex);
  const { size: n, parent, root, order } = tree;

  // --- Overrides ------------------------------------------------------------------------------------------------
  const personalOv = new Float64Array(n).fill(-1);
  const teamOv = new Float64Array(n).fill(-1);
  (input.overrides ?? []).forEach((o, k) => {
    const field = `overrides.${k}`;
    const i = tree.indexOf.get(o.id);
    if (i === undefined)
      throw new PlanningError("unknown_member", `The override is for ${o.id}, who is not in this team.`, field);
    if (o.kind !== "personal" && o.kind !== "team") {
      throw new PlanningError(
        "invalid_override",
        `An override is personal or team (got ${JSON.stringify(o.kind)}).`,
        field,
      );
    }
    requireAmount(o.value, field, `${o.kind} target of ${name(o.id)}`);
    const arr = o.kind === "personal" ? personalOv : teamOv;
    if (arr[i]! >= 0) {
      throw new PlanningError("duplicate_override", `${name(o.id)} has two ${o.kind} overrides; keep one.`, field);
    }
    arr[i] = o.value;
  });

  // --- Personal weights -----------------------------------------------------------------------------------------
  const weights = personalWeights(nodes, rule, input.historyFloor ?? DEFAULT_HISTORY_FLOOR);

  // --- Groups ---------------------------------------------------------------------------------------------------
  // groupOf[v] = the group head (root or nearest team-override at/above v).
  const groupOf = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const v = order[k]!;
    groupOf[v] = v === root || teamOv[v]! >= 0 ? v : groupOf[parent[v]!]!;
  }
  const isNestedHead = (i: number) => i !== root && teamOv[i]! >= 0;
  // Parts of each group in CSR form: i ≥ 0 is node i's personal share; −(q+1) is nested head q's team total.
  const partStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    partStart[groupOf[i]! + 1]!++;
    if (isNestedHead(i)) partStart[groupOf[parent[i]!]! + 1]!++;
  }
  for (let i = 0; i < n; i++) partStart[i + 1]! += partStart[i]!;
  const fill = partStart.slice(0, n);
  const parts = new Int32Array(partStart[n]!);
  for (let i = 0; i < n; i++) {
    parts[fill[groupOf[i]!]!++] = i;
    if (isNestedHead(i)) parts[fill[groupOf[parent[i]!]!]!++] = -(i + 1);
  }

  const personal = new Float64Array(n);
  const amount = new Float64Array(n); // amount of each group head
  amount[root] = target;
  const conflicts: CascadeConflict[] = [];

  if (teamOv[root]! >= 0 && teamOv[root] !== target) {
    const id = nodes[root]!.id;
    conflicts.push({
      code: "root_team_override",
      nodeId: id,
      available: target,
      requested: teamOv[root]!,
      changed: [{ id, kind: "team", requested: teamOv[root]!, assigned: target }],
      message: `The team target of ${name(id)} is the goal's target (${fmt(target)}); the override of ${fmt(teamOv[root]!)} was ignored.`,
    });
  }

  const fixedIdx: number[] = [];
  const fixedReq: number[] = [];
  const freeIdx: number[] = [];
  const freeW: number[] = [];
  for (let k = 0; k < n; k++) {
    const h = order[k]!;
    if (groupOf[h] !== h) continue;
    const available = amount[h]!;
    fixedIdx.length = fixedReq.length = freeIdx.length = freeW.length = 0;
    let fixedSum = 0;
    let freeWeightSum = 0;
    for (let p = partStart[h]!, end = partStart[h + 1]!; p < end; p++) {
      const part = parts[p]!;
      if (part < 0) {
        fixedIdx.push(part);
        fixedReq.push(teamOv[-part - 1]!);
        fixedSum += teamOv[-part - 1]!;
      } else if (personalOv[part]! >= 0) {
        fixedIdx.push(part);
        fixedReq.push(personalOv[part]!);
        fixedSum += personalOv[part]!;
      } else {
        freeIdx.push(part);
        freeW.push(weights[part]!);
        freeWeightSum += weights[part]!;
      }
    }

    const assign = (part: number, value: number) => {
      if (part < 0) amount[-part - 1] = value;
      else personal[part] = value;
    };

    if ((fixedSum <= available && freeIdx.length > 0) || fixedSum === available) {
      for (let j = 0; j < fixedIdx.length; j++) assign(fixedIdx[j]!, fixedReq[j]!);
      const rest = available - fixedSum;
      const shares = apportion(rest, freeWeightSum > 0 ? freeW : freeW.map(() => 1));
      for (let j = 0; j < freeIdx.length; j++) personal[freeIdx[j]!] = shares[j]!;
      continue;
    }

    // Conflict: the group's amount wins; fixed parts are scaled to fit, free members get 0.
    const scaled = apportion(available, fixedSum > 0 ? fixedReq : fixedReq.map(() => 1));
    const changed: ChangedOverride[] = [];
    for (let j = 0; j < fixedIdx.length; j++) {
      const part = fixedIdx[j]!;
      assign(part, scaled[j]!);
      if (scaled[j] !== fixedReq[j]) {
        const i = part < 0 ? -part - 1 : part;
        changed.push({
          id: nodes[i]!.id,
          kind: part < 0 ? "team" : "personal",
          requested: fixedReq[j]!,
          assigned: scaled[j]!,
        });
      }
    }
    for (const i of freeIdx) personal[i] = 0;
    const headId = nodes[h]!.id;
    const over = fixedSum > available;
    conflicts.push({
      code: over ? "overrides_exceed_available" : "overrides_leave_remainder",
      nodeId: headId,
      available,
      requested: fixedSum,
      changed,
      message: over
        ? `The fixed targets in ${name(headId)}'s team add up to ${fmt(fixedSum)}, more than the ${fmt(available)} available; they were scaled down to fit. Lower an override or raise the team target.`
        : `Everyone in ${name(headId)}'s team has a fixed target and together they make ${fmt(fixedSum)}, not the ${fmt(available)} to share; the difference was spread over the fixed targets. Free someone or change the team target.`,
    });
  }

  // --- Team totals bottom-up ------------------------------------------------------------------------------------
  const team = Float64Array.from(personal);
  for (let k = n - 1; k > 0; k--) {
    const v = order[k]!;
    team[parent[v]!]! += team[v]!;
  }

  const targets = new Array<CascadeTarget>(n);
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    targets[i] = {
      id: node.id,
      parentId: i === root ? null : nodes[parent[i]!]!.id,
      personal: personal[i]!,
      team: team[i]!,
      personalFixed: personalOv[i]! >= 0,
      teamFixed: teamOv[i]! >= 0,
    };
  }
  return { targets, conflicts };
}

/** The personal weight of every node under a rule (see the module comment). */
export function personalWeights(
  nodes: readonly CascadeNode[],
  rule: SplitRule,
  historyFloor = DEFAULT_HISTORY_FLOOR,
): Float64Array {
  const n = nodes.length;
  const w = new Float64Array(n);
  const check = (value: number | undefined, what: string, id: string) => {
    if (value === undefined) return;
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new PlanningError(
        "invalid_weight",
        `The ${what} of ${id} must be a number ≥ 0 (got ${String(value)}).`,
        "nodes",
      );
    }
  };
  if (rule === "even") {
    for (let i = 0; i < n; i++) w[i] = nodes[i]!.active === false ? 0 : 1;
    return w;
  }
  if (rule === "weight") {
    let sum = 0;
    let count = 0;
    let missing = false;
    for (const node of nodes) {
      check(node.weight, "weight", node.id);
      if (node.active === false) continue;
      if (node.weight === undefined) missing = true;
      else {
        sum += node.weight;
        count++;
      }
    }
    // A missing weight counts as the average (sum / count). To keep whole weights whole — so `apportion` splits with
    // exact integer arithmetic — every weight is scaled by `count` instead: given w → w·count, missing → sum.
    const scale = missing && count > 0 ? count : 1;
    const fallback = count > 0 ? sum : 1;
    for (let i = 0; i < n; i++) {
      const node = nodes[i]!;
      w[i] = node.active === false ? 0 : node.weight === undefined ? fallback : node.weight * scale;
    }
    // Whole weights (percentages: 100 = full time) are divided by their greatest common divisor, so 100/100/50 splits
    // as 2/2/1 and a large team's total·Σweights stays a safe integer: the split is exact and does not depend on the
    // scale the weights are written in (a weight of 1 or of 100 for everyone gives the same split).
    if (w.every(Number.isSafeInteger)) {
      const g = gcdOf(w);
      if (g > 1) for (let i = 0; i < n; i++) w[i] = w[i]! / g;
    }
    return w;
  }
  if (typeof historyFloor !== "number" || !Number.isFinite(historyFloor) || historyFloor < 0 || historyFloor > 1) {
    throw new PlanningError(
      "invalid_history_floor",
      `The history floor must be between 0 and 1 (got ${String(historyFloor)}).`,
      "historyFloor",
    );
  }
  let sum = 0;
  let count = 0;
  for (const node of nodes) {
    check(node.historyActual, "history", node.id);
    if (node.active !== false && (node.historyActual ?? 0) > 0) {
      sum += node.historyActual!;
      count++;
    }
  }
  if (count === 0) {
    for (let i = 0; i < n; i++) w[i] = nodes[i]!.active === false ? 0 : 1;
    return w;
  }
  const floor = historyFloor * (sum / count);
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    w[i] = node.active === false ? 0 : Math.max(node.historyActual ?? 0, floor);
  }
  return w;
}
