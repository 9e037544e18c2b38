/**
 * Ranks as a back office computes them, over a member's whole subtree (pure; one listing in, no I/O).
 *
 * The rules of a rank (`RankRule`, the team's settings on each rank):
 * - personal volume: the member's own logged volume over the period;
 * - team volume: their own volume plus each leg's volume (a leg = a direct downline member and everyone below them),
 *   where one leg counts for at most `legCapPct` % of the rank's team volume requirement (null: no cap);
 * - qualified legs: legs that HOLD `legRankId` (null: the lowest rank) — someone in the leg qualifies for that rank
 *   or a higher one this period;
 * - active members: members of the downline (not the member) who logged at least `activeMinVolume` (and at least 1);
 * - personally sponsored: the member's own `sponsors` total.
 * A member qualifies for a rank when every requirement is met; the rank they are paid as is the highest such rank.
 *
 * Guarantees (property-tested against a naive recount, rank-legs.test.ts):
 * - `evaluateRanks` is O(n · R) for n members and R ranks, with no recursion (deep trees are fine);
 * - team volume with no cap equals the sum of the subtree's volumes; a cap never adds, and never counts more than the
 *   cap from a leg;
 * - a leg holds a rank exactly when someone in it qualifies for that rank or above;
 * - every amount is a whole number; `remaining` = max(0, required − actual); `percent` is 0–100, 100 exactly when met.
 * - `projectRank` forecasts each member's volume with `paceModel` (server/domain/pace.ts), the one forecast rule: the
 *   first open day on which the member would qualify, or null.
 * - `cheapestLeg` is the least volume added to one leg (its head's own volume) that meets the rank's team
 *   requirements (team volume, legs, active members); adding volume never lowers a requirement's actual, so the
 *   search is a binary search per leg.
 */
import { PlanningError, requireAmount } from "./errors";
import { paceModel } from "./pace";
import type { RankRequirement } from "./rank";

export interface RankRule extends RankRequirement {
  /** 1–100: at most this percent of `teamVolume` counts from one leg; null: no cap. */
  legCapPct: number | null;
  /** The rank a leg must hold for `qualifiedLegs`; null (or a rank not in the list): the lowest rank. */
  legRankId: string | null;
  activeMembers: number;
  /** A downline member is active with at least this personal volume over the period (at least 1). */
  activeMinVolume: number;
}

export interface VolumeNode {
  id: string;
  /** The upline within the listing; the subtree's root has null (or an id outside the listing). */
  parentId: string | null;
  personalVolume: number;
  sponsors: number;
}

export const REQUIREMENTS = [
  "personalVolume",
  "teamVolume",
  "qualifiedLegs",
  "activeMembers",
  "personallySponsored",
] as const;
export type RequirementKey = (typeof REQUIREMENTS)[number];
export type RankActuals = Record<RequirementKey, number>;

export interface RequirementLine {
  key: RequirementKey;
  required: number;
  actual: number;
  remaining: number;
  /** 0–100, whole; 100 exactly when met. */
  percent: number;
}

export interface RankTree {
  ids: string[];
  index: Map<string, number>;
  /** Index of the root (the node whose parent is not in the listing). */
  root: number;
  parent: Int32Array;
  children: number[][];
  /** Children before parents. */
  postOrder: number[];
  rules: RankRule[];
  personalVolume: number[];
  sponsors: number[];
  /** Own + everyone below. */
  subtreeVolume: number[];
  /** Index (into `rules`, lowest first) of the rank each member qualifies for, -1 for none. */
  held: number[];
  /** Highest `held` in the member's subtree (themselves included). */
  maxHeld: number[];
  /** Active-member threshold → members of the subtree (themselves included) at or above it. */
  activeCounts: Map<number, number[]>;
}

/** The rules sorted lowest first, validated (distinct positions, whole non-negative amounts, cap 1–100). */
export function sortRules(rules: readonly RankRule[]): RankRule[] {
  const positions = new Set<number>();
  rules.forEach((r, i) => {
    if (positions.has(r.position))
      throw new PlanningError("duplicate_rank_position", `Two ranks share position ${r.position}.`, `ranks.${i}`);
    positions.add(r.position);
    for (const key of REQUIREMENTS) requireAmount(r[key], `ranks.${i}.${key}`, `${key} of ${r.name}`);
    requireAmount(r.activeMinVolume, `ranks.${i}.activeMinVolume`, `active volume of ${r.name}`);
    if (r.legCapPct !== null && (!Number.isInteger(r.legCapPct) || r.legCapPct < 1 || r.legCapPct > 100))
      throw new PlanningError("invalid_leg_cap", `The leg cap of ${r.name} must be 1–100 %.`, `ranks.${i}.legCapPct`);
  });
  return [...rules].sort((a, b) => a.position - b.position);
}

/** The most one leg counts towards the rule's team volume (Infinity without a cap). */
export function legCap(rule: Pick<RankRule, "teamVolume" | "legCapPct">): number {
  return rule.legCapPct === null ? Infinity : Math.floor((rule.teamVolume * rule.legCapPct) / 100);
}

/** Threshold of "active" under a rule: at least 1. */
export const activeThreshold = (rule: Pick<RankRule, "activeMinVolume">) => Math.max(1, rule.activeMinVolume);

/** The rule index a leg must hold for `rule` (the lowest rank when unset or unknown). */
function legRankIndex(rules: readonly RankRule[], rule: RankRule): number {
  if (rule.legRankId === null) return 0;
  const i = rules.findIndex((r) => r.id === rule.legRankId);
  return i < 0 ? 0 : i;
}

/**
 * What member `i` has against `rule`, from the tree's current numbers. `over` lets a caller replace one child's
 * numbers (the boosted leg of `cheapestLeg`) and the member's own volume.
 */
function actualsAt(
  t: RankTree,
  i: number,
  ruleIndex: number,
  over?: { child: number; subtreeVolume: number; maxHeld: number; activeDelta: (threshold: number) => number },
): RankActuals {
  const rule = t.rules[ruleIndex]!;
  const cap = legCap(rule);
  const need = legRankIndex(t.rules, rule);
  const threshold = activeThreshold(rule);
  let team = t.personalVolume[i]!;
  let legs = 0;
  for (const c of t.children[i]!) {
    const sub = over?.child === c ? over.subtreeVolume : t.subtreeVolume[c]!;
    const held = over?.child === c ? over.maxHeld : t.maxHeld[c]!;
    team += Math.min(sub, cap);
    if (held >= need) legs++;
  }
  const counts = t.activeCounts.get(threshold)!;
  const active = counts[i]! - (t.personalVolume[i]! >= threshold ? 1 : 0) + (over ? over.activeDelta(threshold) : 0);
  return {
    personalVolume: t.personalVolume[i]!,
    teamVolume: team,
    qualifiedLegs: legs,
    activeMembers: active,
    personallySponsored: t.sponsors[i]!,
  };
}

export function meets(actuals: RankActuals, rule: RankRule, keys: readonly RequirementKey[] = REQUIREMENTS): boolean {
  return keys.every((k) => actuals[k] >= rule[k]);
}

/** The highest rule index member `i` qualifies for (-1: none). */
function heldAt(t: RankTree, i: number): number {
  for (let r = t.rules.length - 1; r >= 0; r--) if (meets(actualsAt(t, i, r), t.rules[r]!)) return r;
  return -1;
}

/** Every member's rank over the period, bottom-up in one pass. */
export function evaluateRanks(nodes: readonly VolumeNode[], rules: readonly RankRule[]): RankTree {
  const sorted = sortRules(rules);
  const n = nodes.length;
  if (n === 0) throw new PlanningError("empty_tree", "There is nobody to rank.");
  const ids = nodes.map((x) => x.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  if (index.size !== n) throw new PlanningError("duplicate_member", "A member is listed twice.");
  const parent = new Int32Array(n).fill(-1);
  const children: number[][] = Array.from({ length: n }, () => []);
  let root = -1;
  nodes.forEach((x, i) => {
    requireAmount(x.personalVolume, `nodes.${i}.personalVolume`, "personal volume");
    requireAmount(x.sponsors, `nodes.${i}.sponsors`, "sponsors");
    const p = x.parentId === null ? undefined : index.get(x.parentId);
    if (p === undefined) {
      if (root >= 0) throw new PlanningError("two_roots", "The listing is not one subtree (two roots).");
      root = i;
    } else {
      parent[i] = p;
      children[p]!.push(i);
    }
  });
  if (root < 0) throw new PlanningError("no_root", "The listing has no root (a cycle).");
  // Pre-order from the root without recursion, reversed: children before parents.
  const pre: number[] = [];
  const stack = [root];
  while (stack.length) {
    const i = stack.pop()!;
    pre.push(i);
    for (const c of children[i]!) stack.push(c);
  }
  if (pre.length !== n) throw new PlanningError("not_a_tree", "Some members are not below the root (a cycle).");
  const postOrder = pre.reverse();
  const personalVolume = nodes.map((x) => x.personalVolume);
  const thresholds = [...new Set(sorted.map(activeThreshold))];
  const t: RankTree = {
    ids,
    index,
    root,
    parent,
    children,
    postOrder,
    rules: sorted,
    personalVolume,
    sponsors: nodes.map((x) => x.sponsors),
    subtreeVolume: [...personalVolume],
    held: new Array<number>(n).fill(-1),
    maxHeld: new Array<number>(n).fill(-1),
    activeCounts: new Map(thresholds.map((th) => [th, personalVolume.map((v) => (v >= th ? 1 : 0))])),
  };
  for (const i of postOrder) {
    let maxBelow = -1;
    for (const c of children[i]!) {
      t.subtreeVolume[i]! += t.subtreeVolume[c]!;
      for (const counts of t.activeCounts.values()) counts[i]! += counts[c]!;
      maxBelow = Math.max(maxBelow, t.maxHeld[c]!);
    }
    t.held[i] = sorted.length === 0 ? -1 : heldAt(t, i);
    t.maxHeld[i] = Math.max(maxBelow, t.held[i]);
  }
  return t;
}

/** Member `id`'s actuals against the rule at `ruleIndex`, as required / actual / remaining / %. */
export function requirementLines(t: RankTree, id: string, ruleIndex: number): RequirementLine[] {
  const i = t.index.get(id);
  if (i === undefined) throw new PlanningError("unknown_member", "That member is not in the listing.");
  const rule = t.rules[ruleIndex]!;
  const actual = actualsAt(t, i, ruleIndex);
  return REQUIREMENTS.map((key) => lineOf(key, rule[key], actual[key]));
}

export function lineOf(key: RequirementKey, required: number, actual: number): RequirementLine {
  const remaining = Math.max(0, required - actual);
  const percent = remaining === 0 ? 100 : Math.min(99, Math.floor((actual * 100) / required));
  return { key, required, actual, remaining, percent };
}

export interface LegView {
  id: string;
  /** The leg's whole volume, and what of it counts towards the rule's team volume (after the cap). */
  volume: number;
  counted: number;
  /** Highest rule index held by someone in the leg (-1: none). */
  maxHeld: number;
  /** Whether the leg holds the rank the rule asks of legs. */
  holds: boolean;
}

/** Member `id`'s legs against the rule at `ruleIndex`. */
export function legsOf(t: RankTree, id: string, ruleIndex: number): LegView[] {
  const i = t.index.get(id);
  if (i === undefined) throw new PlanningError("unknown_member", "That member is not in the listing.");
  const rule = t.rules[ruleIndex];
  const cap = rule ? legCap(rule) : Infinity;
  const need = rule ? legRankIndex(t.rules, rule) : 0;
  return t.children[i]!.map((c) => ({
    id: t.ids[c]!,
    volume: t.subtreeVolume[c]!,
    counted: Math.min(t.subtreeVolume[c]!, cap),
    maxHeld: t.maxHeld[c]!,
    holds: t.maxHeld[c]! >= need,
  }));
}

const TEAM_KEYS: readonly RequirementKey[] = ["teamVolume", "qualifiedLegs", "activeMembers"];

/**
 * The leg whose growth meets the rank's team requirements (team volume, qualified legs, active members) most
 * cheaply: the least volume added to the leg head's own volume, per leg, and the smallest of those. Null when the
 * team requirements are met already, the member has no leg, or no single leg can meet them (e.g. two more legs are
 * needed). The member's own volume and sponsors are theirs to close and are left out.
 */
export function cheapestLeg(t: RankTree, id: string, ruleIndex: number): { legId: string; amount: number } | null {
  const i = t.index.get(id);
  if (i === undefined) throw new PlanningError("unknown_member", "That member is not in the listing.");
  const rule = t.rules[ruleIndex]!;
  if (meets(actualsAt(t, i, ruleIndex), rule, TEAM_KEYS)) return null;
  // Enough to meet any volume requirement from one leg: every volume requirement of every rule, once.
  const upper = t.rules.reduce((s, r) => s + r.teamVolume + r.personalVolume + activeThreshold(r), 1);
  let best: { legId: string; amount: number } | null = null;
  for (const c of t.children[i]!) {
    const ok = (x: number) => meets(boostedActuals(t, i, c, x, ruleIndex), rule, TEAM_KEYS);
    if (!ok(upper)) continue;
    let lo = 0;
    let hi = upper;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (ok(mid)) hi = mid;
      else lo = mid + 1;
    }
    if (!best || lo < best.amount) best = { legId: t.ids[c]!, amount: lo };
  }
  return best;
}

/** Member i's actuals when leg head c's own volume grows by x (only c and i are re-evaluated). */
function boostedActuals(t: RankTree, i: number, c: number, x: number, ruleIndex: number): RankActuals {
  const pv = t.personalVolume[c]!;
  t.personalVolume[c] = pv + x;
  const deltaAt = (th: number) => (pv + x >= th ? 1 : 0) - (pv >= th ? 1 : 0);
  for (const [th, counts] of t.activeCounts) counts[c]! += deltaAt(th);
  const subC = t.subtreeVolume[c]!;
  t.subtreeVolume[c] = subC + x;
  try {
    const heldC = t.rules.length === 0 ? -1 : heldAt(t, c);
    let maxBelow = -1;
    for (const g of t.children[c]!) maxBelow = Math.max(maxBelow, t.maxHeld[g]!);
    return actualsAt(t, i, ruleIndex, {
      child: c,
      subtreeVolume: subC + x,
      maxHeld: Math.max(maxBelow, heldC),
      activeDelta: deltaAt,
    });
  } finally {
    t.personalVolume[c] = pv;
    t.subtreeVolume[c] = subC;
    for (const [th, counts] of t.activeCounts) counts[c]! -= deltaAt(th);
  }
}

export interface PaceNode extends VolumeNode {
  /** The run-rate window of `paceModel`: volume and sponsors logged over `windowOpenDays` recent open days. */
  windowVolume: number;
  windowSponsors: number;
}

/**
 * "At this pace": each member's volume and sponsors forecast with `paceModel` over the open days to come (the one
 * forecast rule: actual + recent rate × open days), re-ranked day by day. Returns the first day (of `days`, each with
 * the count of open days from today to it) on which member `id` would qualify for the rule at `ruleIndex`, or
 * null if not by the last day; `qualifiesNow` when they already do.
 */
export function projectRank(args: {
  nodes: readonly PaceNode[];
  rules: readonly RankRule[];
  id: string;
  ruleIndex: number;
  windowOpenDays: number;
  openDaysPerWeek: number;
  days: readonly { date: string; openDaysAhead: number }[];
}): { qualifiesNow: boolean; date: string | null; atEnd: RequirementLine[] | null } {
  const forecastNodes = (ahead: number): VolumeNode[] =>
    args.nodes.map((x) => ({
      id: x.id,
      parentId: x.parentId,
      personalVolume: forecast(x.personalVolume, x.windowVolume, args.windowOpenDays, ahead, args.openDaysPerWeek),
      sponsors: forecast(x.sponsors, x.windowSponsors, args.windowOpenDays, ahead, args.openDaysPerWeek),
    }));
  const qualifies = (tree: RankTree) => tree.held[tree.index.get(args.id)!]! >= args.ruleIndex;
  const now = evaluateRanks(args.nodes, args.rules);
  if (qualifies(now)) return { qualifiesNow: true, date: null, atEnd: null };
  let last = -1;
  let lastTree = now;
  for (const day of args.days) {
    if (day.openDaysAhead === last) continue;
    last = day.openDaysAhead;
    lastTree = evaluateRanks(forecastNodes(day.openDaysAhead), args.rules);
    if (qualifies(lastTree)) return { qualifiesNow: false, date: day.date, atEnd: null };
  }
  return { qualifiesNow: false, date: null, atEnd: requirementLines(lastTree, args.id, args.ruleIndex) };
}

/** A whole-number forecast through `paceModel` (no window: stays where it is). */
function forecast(actual: number, windowSum: number, windowOpenDays: number, ahead: number, perWeek: number) {
  const model = paceModel({
    actual,
    expected: actual,
    target: actual,
    window: { sum: Math.max(0, windowSum), openDays: windowOpenDays },
    forecastOpenDays: ahead,
    remainingOpenDays: ahead,
    openDaysPerWeek: perWeek,
  });
  return Math.max(actual, model.forecast ?? actual);
}
