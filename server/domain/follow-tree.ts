/**
 * Targets follow the tree — pure. When a member joins, moves or leaves, the goal's split rule is applied again to the
 * REST of the goal inside each affected branch (the new upline's, the old upline's, the former upline's), and only
 * there:
 * - every branch head keeps their team target, exactly: team(head) = personal(head) + Σ team(children) + Σ the kept
 *   targets of removed members counted under them ("former members", see below);
 * - what each member was planned to have done before today — `shareOfProgress(old personal, past, total)`, the same
 *   number the dashboard expects of them by yesterday — stays in their target: the re-split only moves the part of
 *   the plan still to come (a recruit has no past part; their whole target is from today on);
 * - overrides set by hand keep their value (a personal override stays the member's personal target, a team
 *   override stays that member's team target); the rest of the branch shares what is left by the goal's rule with
 *   the one cascade (`cascadeTargets`), so every number is a whole number ≥ 0 and the branch adds up exactly;
 * - a member who leaves keeps, as a frozen target, what was planned for them before today, counted under the upline
 *   they had (`leaving.attachedTo`), as their past actuals are (docs/PLANNING.md, "Targets follow the tree"); one who
 *   leaves the goal's tree altogether (moved out of it) goes to 0;
 * - members outside the affected branches are not touched.
 * When a branch cannot be re-split (hand-set targets leave no room, or more is already due than its team target), it
 * is reported in `skipped` with a message and the goal is left exactly as it was (no targets): a leader re-plans it.
 * Linear in the branch sizes (plus the cascade's O(n log n)).
 */
import { cascadeTargets, type CascadeOverride, type SplitRule } from "./cascade";
import { shareOfProgress } from "./dashboard-math";

export interface FollowNode {
  id: string;
  /** Null for the goal's root. Nodes are listed parents first. */
  parentId: string | null;
  weight?: number;
  historyActual?: number;
}

export interface FollowTarget {
  personal: number;
  team: number;
  personalOverride: number | null;
  teamOverride: number | null;
}

export interface FollowFormer {
  id: string;
  /** The active member of the tree they are counted under (their upline when they left). */
  attachedTo: string;
  /** Their kept target. */
  personal: number;
}

export interface FollowTreeInput {
  /** The goal's tree after the change, parents first. */
  nodes: readonly FollowNode[];
  /** Targets before the change, by member (members without a row have no target yet). */
  before: ReadonlyMap<string, FollowTarget>;
  /** Members whose branch is re-split (their team target is kept); unknown ids and nested heads are ignored. */
  heads: readonly string[];
  /** Removed members already counted under someone in the tree, with their kept targets. */
  formers: readonly FollowFormer[];
  /** Members leaving now: counted under `attachedTo` (a removal) or leaving the goal's tree (null: to 0). */
  leaving: readonly { id: string; attachedTo: string | null }[];
  /** Members whose whole target is past (a removed member invited back: what they keep was all due before). */
  keptWhole?: readonly string[];
  rule: SplitRule;
  historyFloor?: number;
  /** The goal's planned progress before today and its total (both baseline excluded). */
  pastProgress: number;
  total: number;
  nameOf?: (id: string) => string;
  formatAmount?: (amount: number) => string;
}

export interface FollowTreeResult {
  /** Every member whose target is (re)written: the re-split branches and the members leaving. */
  targets: Map<string, FollowTarget>;
  /** Branches left as they were, with why. */
  skipped: { headId: string; message: string }[];
}

export function followTree(input: FollowTreeInput): FollowTreeResult {
  const fmt = input.formatAmount ?? ((a: number) => String(a));
  const name = input.nameOf ?? ((id: string) => id);
  const whole = new Set(input.keptWhole ?? []);
  const past = (id: string) =>
    whole.has(id)
      ? (input.before.get(id)?.personal ?? 0)
      : shareOfProgress(input.before.get(id)?.personal ?? 0, input.pastProgress, input.total);
  const targets = new Map<string, FollowTarget>();
  const skipped: FollowTreeResult["skipped"] = [];

  // Children lists and the heads that are not inside another head's branch.
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const children = input.nodes.map(() => [] as number[]);
  input.nodes.forEach((n, i) => {
    const p = n.parentId === null ? undefined : index.get(n.parentId);
    if (p !== undefined) children[p]!.push(i);
  });
  const headSet = new Set(input.heads.filter((h) => index.has(h)));
  const topHeads = [...headSet].filter((h) => {
    for (let p = input.nodes[index.get(h)!]!.parentId; p !== null; p = input.nodes[index.get(p)!]?.parentId ?? null) {
      if (headSet.has(p)) return false;
      if (!index.has(p)) break;
    }
    return true;
  });

  // Former members (already removed, and leaving now) by the member they are counted under.
  const formerSum = new Map<string, number>();
  const addFormer = (at: string, amount: number) => formerSum.set(at, (formerSum.get(at) ?? 0) + amount);
  for (const f of input.formers) addFormer(f.attachedTo, f.personal);
  for (const l of input.leaving) {
    const before = input.before.get(l.id);
    const kept = l.attachedTo !== null && index.has(l.attachedTo) ? past(l.id) : 0;
    if (l.attachedTo !== null && index.has(l.attachedTo)) addFormer(l.attachedTo, kept);
    if (before && (before.personal !== kept || before.team !== kept || before.personalOverride !== null)) {
      targets.set(l.id, { personal: kept, team: kept, personalOverride: null, teamOverride: null });
    }
  }

  for (const headId of topHeads) {
    const teamTarget = input.before.get(headId)?.team;
    if (teamTarget === undefined) {
      skipped.push({ headId, message: `${name(headId)} has no target in this goal.` });
      continue;
    }
    // The branch, parents first (a breadth-first walk from the head).
    const branch: number[] = [index.get(headId)!];
    // One push a child: spreading a node's children into one call overflows the stack past ~100,000 (a flat team).
    for (let k = 0; k < branch.length; k++) for (const c of children[branch[k]!]!) branch.push(c);
    const pastOf = new Map(branch.map((i) => [input.nodes[i]!.id, past(input.nodes[i]!.id)]));
    // What each member's subtree already holds: past parts and former members' kept targets.
    const held = new Map<string, number>();
    for (let k = branch.length - 1; k >= 0; k--) {
      const n = input.nodes[branch[k]!]!;
      let h = pastOf.get(n.id)! + (formerSum.get(n.id) ?? 0);
      for (const c of children[branch[k]!]!) h += held.get(input.nodes[c]!.id)!;
      held.set(n.id, h);
    }
    const rest = teamTarget - held.get(headId)!;
    if (rest < 0) {
      skipped.push({
        headId,
        message: `More was already planned in ${name(headId)}'s team before today (${fmt(held.get(headId)!)}) than its team target (${fmt(teamTarget)}).`,
      });
      continue;
    }
    // Overrides in "still to come" terms: the value minus what the member (or their team) already holds.
    const overrides: CascadeOverride[] = [];
    let impossible: string | null = null;
    for (const i of branch) {
      const id = input.nodes[i]!.id;
      const b = input.before.get(id);
      if (!b) continue;
      if (b.personalOverride !== null) {
        const v = b.personalOverride - pastOf.get(id)!;
        if (v < 0) impossible ??= `${name(id)}'s hand-set target is less than what was planned for them before today.`;
        overrides.push({ id, kind: "personal", value: Math.max(0, v) });
      }
      if (b.teamOverride !== null && id !== headId) {
        const v = b.teamOverride - held.get(id)!;
        if (v < 0) impossible ??= `${name(id)}'s hand-set team target is less than what their team already holds.`;
        overrides.push({ id, kind: "team", value: Math.max(0, v) });
      }
    }
    const cascade = cascadeTargets({
      nodes: branch.map((i) => {
        const n = input.nodes[i]!;
        return {
          id: n.id,
          parentId: n.id === headId ? null : n.parentId,
          ...(n.weight === undefined ? {} : { weight: n.weight }),
          ...(n.historyActual === undefined ? {} : { historyActual: n.historyActual }),
        };
      }),
      target: rest,
      rule: input.rule,
      overrides,
      ...(input.historyFloor === undefined ? {} : { historyFloor: input.historyFloor }),
      nameOf: name,
      formatAmount: fmt,
    });
    if (impossible !== null || cascade.conflicts.length > 0) {
      skipped.push({ headId, message: impossible ?? cascade.conflicts.map((c) => c.message).join(" ") });
      continue;
    }
    // New personal = past part + share of the rest; team = personal + children's teams + former members' kept.
    const personal = new Map(cascade.targets.map((t) => [t.id, pastOf.get(t.id)! + t.personal]));
    const team = new Map<string, number>();
    for (let k = branch.length - 1; k >= 0; k--) {
      const i = branch[k]!;
      const id = input.nodes[i]!.id;
      let t = personal.get(id)! + (formerSum.get(id) ?? 0);
      for (const c of children[i]!) t += team.get(input.nodes[c]!.id)!;
      team.set(id, t);
    }
    for (const i of branch) {
      const id = input.nodes[i]!.id;
      const b = input.before.get(id);
      targets.set(id, {
        personal: personal.get(id)!,
        team: team.get(id)!,
        personalOverride: b?.personalOverride ?? null,
        teamOverride: b?.teamOverride ?? null,
      });
    }
  }
  // All or nothing per goal: a branch that cannot be re-split leaves the whole goal as it was.
  return skipped.length > 0 ? { targets: new Map(), skipped } : { targets, skipped };
}
