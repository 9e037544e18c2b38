import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cascadeTargets, type SplitRule } from "./cascade";
import { shareOfProgress } from "./dashboard-math";
import { followTree, type FollowFormer, type FollowNode, type FollowTarget, type FollowTreeInput } from "./follow-tree";
import { childrenOf, subtreeIds, treeArb, type GenNode } from "./test-arbitraries";

/** Targets before: a consistent cascade of `total` over the tree (as a publish makes them). */
function published(nodes: readonly GenNode[], total: number, rule: SplitRule, weights: number[]) {
  const result = cascadeTargets({
    nodes: nodes.map((n, i) => ({ ...n, weight: weights[i % weights.length]! })),
    target: total,
    rule,
  });
  return new Map<string, FollowTarget>(
    result.targets.map((t) => [
      t.id,
      { personal: t.personal, team: t.team, personalOverride: null, teamOverride: null },
    ]),
  );
}

/** The targets after: before, with the result written over it (as the service writes it). */
function after(input: FollowTreeInput, result: ReturnType<typeof followTree>) {
  const map = new Map(input.before);
  for (const [id, t] of result.targets) map.set(id, t);
  return map;
}

/**
 * Checks every guarantee of a re-split that went through: whole numbers ≥ 0; in every re-split branch team = personal
 * + Σ team(children) + former members' kept targets; each top head keeps their team target; each member keeps the
 * part of their old target that was due before today; the whole goal still adds up to the total; members outside
 * the branches are untouched.
 */
function expectExact(input: FollowTreeInput, result: ReturnType<typeof followTree>, topHeads: string[]) {
  expect(result.skipped).toEqual([]);
  const map = after(input, result);
  const kids = childrenOf(input.nodes);
  const formerAt = new Map<string, number>();
  const formers: FollowFormer[] = [
    ...input.formers,
    ...input.leaving
      .filter((l) => l.attachedTo !== null)
      .map((l) => ({ id: l.id, attachedTo: l.attachedTo!, personal: map.get(l.id)?.personal ?? 0 })),
  ];
  for (const f of formers) formerAt.set(f.attachedTo, (formerAt.get(f.attachedTo) ?? 0) + f.personal);
  const branch = new Set(topHeads.flatMap((h) => subtreeIds(input.nodes, h)));
  for (const id of branch) {
    const t = map.get(id)!;
    expect(Number.isSafeInteger(t.personal) && t.personal >= 0).toBe(true);
    const childSum = (kids.get(id) ?? []).reduce((s, c) => s + map.get(c.id)!.team, 0);
    expect(t.team).toBe(t.personal + childSum + (formerAt.get(id) ?? 0));
    const kept = shareOfProgress(input.before.get(id)?.personal ?? 0, input.pastProgress, input.total);
    expect(t.personal).toBeGreaterThanOrEqual(kept);
  }
  for (const h of topHeads) expect(map.get(h)!.team).toBe(input.before.get(h)!.team);
  for (const id of result.targets.keys()) {
    expect(branch.has(id) || input.leaving.some((l) => l.id === id)).toBe(true);
  }
  const active = input.nodes.reduce((s, n) => s + (map.get(n.id)?.personal ?? 0), 0);
  const kept = formers.reduce((s, f) => s + f.personal, 0);
  expect(active + kept).toBe(input.total);
}

const scenario = fc.record({
  tree: treeArb(30),
  total: fc.integer({ min: 0, max: 1_000_000 }),
  pastPct: fc.integer({ min: 0, max: 100 }),
  rule: fc.constantFrom<SplitRule>("even", "weight", "history"),
  weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 }),
  pick: fc.nat(),
  pick2: fc.nat(),
});

const nodesOf = (tree: readonly GenNode[], weights: number[]): FollowNode[] =>
  tree.map((n, i) => ({ ...n, weight: weights[i % weights.length]!, historyActual: (i * 37) % 11 }));

describe("followTree", () => {
  it("a recruit gets a share of the rest; the upline's team target is unchanged and exact", () => {
    fc.assert(
      fc.property(scenario, ({ tree, total, pastPct, rule, weights, pick }) => {
        const before = published(tree, total, rule, weights);
        const head = tree[pick % tree.length]!.id;
        const nodes = [...nodesOf(tree, weights), { id: "new", parentId: head }];
        const input: FollowTreeInput = {
          nodes,
          before,
          heads: [head],
          formers: [],
          leaving: [],
          rule,
          pastProgress: Math.floor((total * pastPct) / 100),
          total,
        };
        const result = followTree(input);
        expectExact(input, result, [head]);
        // Before the start (nothing due) an even split gives the recruit what everyone else in the branch gets ± 1.
        if (rule === "even" && pastPct === 0 && total > 0) {
          const branch = subtreeIds(nodes, head);
          const shares = branch.map((id) => after(input, result).get(id)!.personal);
          expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("re-splits a flat team of 150,000 direct members (no call spreads a node's children)", () => {
    const n = 150_000;
    const tree: GenNode[] = [{ id: "head", parentId: null }];
    for (let i = 0; i < n; i++) tree.push({ id: `m${i}`, parentId: "head" });
    const total = 3 * n;
    const before = published(tree, total, "even", [1]);
    const input: FollowTreeInput = {
      nodes: [...nodesOf(tree, [1]), { id: "new", parentId: "head" }],
      before,
      heads: ["head"],
      formers: [],
      leaving: [],
      rule: "even",
      pastProgress: 0,
      total,
    };
    const result = followTree(input);
    expect(result.skipped).toEqual([]);
    const map = after(input, result);
    expect(map.get("head")!.team).toBe(total);
    let sum = 0;
    for (const node of input.nodes) sum += map.get(node.id)!.personal;
    expect(sum).toBe(total);
    expect(map.get("new")!.personal).toBeGreaterThanOrEqual(2);
  });

  it("a removal keeps the leaver's past part under their upline and re-splits the rest", () => {
    fc.assert(
      fc.property(scenario, ({ tree, total, pastPct, rule, weights, pick }) => {
        fc.pre(tree.length > 1);
        const before = published(tree, total, rule, weights);
        const leaver = tree.filter((n) => n.parentId !== null)[pick % (tree.length - 1)]!;
        const upline = leaver.parentId!;
        const nodes = nodesOf(tree, weights)
          .filter((n) => n.id !== leaver.id)
          .map((n) => (n.parentId === leaver.id ? { ...n, parentId: upline } : n));
        const pastProgress = Math.floor((total * pastPct) / 100);
        const input: FollowTreeInput = {
          nodes,
          before,
          heads: [upline],
          formers: [],
          leaving: [{ id: leaver.id, attachedTo: upline }],
          rule,
          pastProgress,
          total,
        };
        const result = followTree(input);
        expectExact(input, result, [upline]);
        const kept = shareOfProgress(before.get(leaver.id)!.personal, pastProgress, total);
        expect(after(input, result).get(leaver.id)!.personal).toBe(kept);
      }),
    );
  });

  it("a move re-splits both branches exactly, or leaves the goal as it was and says why", () => {
    fc.assert(
      fc.property(scenario, ({ tree, total, pastPct, rule, weights, pick, pick2 }) => {
        fc.pre(tree.length > 2);
        const before = published(tree, total, rule, weights);
        const mover = tree.filter((n) => n.parentId !== null)[pick % (tree.length - 1)]!;
        const inside = new Set(subtreeIds(tree, mover.id));
        const targets = tree.filter((n) => !inside.has(n.id));
        const to = targets[pick2 % targets.length]!.id;
        const from = mover.parentId!;
        const nodes = nodesOf(tree, weights).map((n) => (n.id === mover.id ? { ...n, parentId: to } : n));
        const input: FollowTreeInput = {
          nodes,
          before,
          heads: [from, to],
          formers: [],
          leaving: [],
          rule,
          pastProgress: Math.floor((total * pastPct) / 100),
          total,
        };
        const result = followTree(input);
        if (result.skipped.length > 0) {
          expect(result.targets.size).toBe(0);
          expect(result.skipped[0]!.message.length).toBeGreaterThan(0);
          return;
        }
        const inFrom = new Set(subtreeIds(nodes, from));
        const inTo = new Set(subtreeIds(nodes, to));
        const top = inFrom.has(to) ? [from] : inTo.has(from) ? [to] : [from, to];
        expectExact(input, result, top);
      }),
    );
  });

  it("keeps hand-set targets and the kept targets of earlier leavers", () => {
    const nodes: FollowNode[] = [
      { id: "ann", parentId: null },
      { id: "sam", parentId: "ann" },
      { id: "bo", parentId: "sam" },
      { id: "nina", parentId: "sam" },
    ];
    const before = new Map<string, FollowTarget>([
      ["ann", { personal: 20, team: 100, personalOverride: null, teamOverride: null }],
      ["sam", { personal: 40, team: 80, personalOverride: null, teamOverride: null }],
      ["bo", { personal: 30, team: 30, personalOverride: 30, teamOverride: null }],
      ["gone", { personal: 10, team: 10, personalOverride: null, teamOverride: null }],
    ]);
    const result = followTree({
      nodes,
      before,
      heads: ["sam"],
      formers: [{ id: "gone", attachedTo: "sam", personal: 10 }],
      leaving: [],
      rule: "even",
      pastProgress: 50,
      total: 100,
    });
    expect(result.skipped).toEqual([]);
    // Sam keeps 20 (half of 40 was due), Bo keeps his hand-set 30, Gone's 10 stays; the 20 to come is split even.
    expect(result.targets.get("bo")).toEqual({ personal: 30, team: 30, personalOverride: 30, teamOverride: null });
    expect(result.targets.get("sam")!.personal + result.targets.get("nina")!.personal).toBe(40);
    expect(result.targets.get("nina")!.personal).toBe(10);
    expect(result.targets.get("sam")!.team).toBe(80);
    expect(result.targets.has("ann")).toBe(false);
  });

  it("someone invited back keeps the whole target they kept when they left (it was all due before)", () => {
    const result = followTree({
      nodes: [
        { id: "sam", parentId: null },
        { id: "back", parentId: "sam" },
      ],
      before: new Map([
        ["sam", { personal: 30, team: 40, personalOverride: null, teamOverride: null }],
        ["back", { personal: 10, team: 10, personalOverride: null, teamOverride: null }],
      ]),
      heads: ["sam"],
      formers: [],
      leaving: [],
      keptWhole: ["back"],
      rule: "even",
      pastProgress: 50,
      total: 100,
    });
    // Sam keeps 15 (half of 30), Back keeps 10; the 15 to come is shared: 8 and 7.
    expect(result.targets.get("back")!.personal).toBeGreaterThanOrEqual(17);
    expect(result.targets.get("sam")!.personal + result.targets.get("back")!.personal).toBe(40);
  });

  it("says why and changes nothing when hand-set targets leave no room", () => {
    const result = followTree({
      nodes: [
        { id: "sam", parentId: null },
        { id: "bo", parentId: "sam" },
        { id: "nina", parentId: "sam" },
      ],
      before: new Map([
        ["sam", { personal: 10, team: 40, personalOverride: 10, teamOverride: null }],
        ["bo", { personal: 30, team: 30, personalOverride: 30, teamOverride: null }],
      ]),
      heads: ["sam"],
      formers: [],
      leaving: [{ id: "x", attachedTo: "sam" }],
      rule: "even",
      pastProgress: 0,
      total: 40,
    });
    // Nina would get 0 of a branch where every other target is fixed: fine (no conflict, she is free and gets 0).
    expect(result.skipped).toEqual([]);
    const fixed = followTree({
      nodes: [{ id: "sam", parentId: null }],
      before: new Map([["sam", { personal: 10, team: 40, personalOverride: 10, teamOverride: null }]]),
      heads: ["sam"],
      formers: [],
      leaving: [],
      rule: "even",
      pastProgress: 0,
      total: 40,
    });
    expect(fixed.targets.size).toBe(0);
    expect(fixed.skipped[0]!.message).toMatch(/fixed target/);
  });
});
