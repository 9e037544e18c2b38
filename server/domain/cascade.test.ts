import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cascadeTargets,
  personalWeights,
  type CascadeInput,
  type CascadeNode,
  type CascadeOverride,
  type CascadeResult,
} from "./cascade";
import { PlanningError } from "./errors";
import { childrenOf, treeArb } from "./test-arbitraries";

const byId = (r: CascadeResult) => new Map(r.targets.map((t) => [t.id, t]));

/** team = personal + Σ team(children) for every node, root = target, all whole and ≥ 0. */
function expectConsistent(input: CascadeInput, result: CascadeResult) {
  const map = byId(result);
  const kids = childrenOf(input.nodes);
  expect(result.targets).toHaveLength(input.nodes.length);
  for (const t of result.targets) {
    expect(Number.isSafeInteger(t.personal) && t.personal >= 0).toBe(true);
    expect(Number.isSafeInteger(t.team) && t.team >= 0).toBe(true);
    const childSum = (kids.get(t.id) ?? []).reduce((s, c) => s + map.get(c.id)!.team, 0);
    expect(t.team).toBe(t.personal + childSum);
  }
  const root = result.targets.find((t) => t.parentId === null)!;
  expect(root.team).toBe(input.target);
}

describe("cascade examples", () => {
  // Ann leads Ben and Cat; Ben leads Dan and Eve.
  const team: CascadeNode[] = [
    { id: "ann", parentId: null },
    { id: "ben", parentId: "ann" },
    { id: "cat", parentId: "ann" },
    { id: "dan", parentId: "ben" },
    { id: "eve", parentId: "ben" },
  ];

  it("even: £50,000 over five members is £10,000 each, team totals add up", () => {
    const r = cascadeTargets({ nodes: team, target: 5_000_000, rule: "even" });
    const m = byId(r);
    expect([...m.values()].map((t) => t.personal)).toEqual([1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000]);
    expect(m.get("ben")!.team).toBe(3_000_000);
    expect(m.get("ann")!.team).toBe(5_000_000);
    expect(r.conflicts).toEqual([]);
  });

  it("even with rounding: the largest remainders (then lower index) get the extra units", () => {
    const r = cascadeTargets({ nodes: team, target: 13, rule: "even" });
    expect(r.targets.map((t) => t.personal)).toEqual([3, 3, 3, 2, 2]);
  });

  it("history: in proportion to last month's actuals, with a floor of half the average for a newcomer", () => {
    const nodes: CascadeNode[] = [
      { id: "ann", parentId: null, historyActual: 3_000 },
      { id: "ben", parentId: "ann", historyActual: 1_000 },
      { id: "new", parentId: "ann", historyActual: 0 },
    ];
    // Average positive history 2,000 → floor 1,000: weights 3,000 / 1,000 / 1,000.
    expect([...personalWeights(nodes, "history")]).toEqual([3_000, 1_000, 1_000]);
    const r = cascadeTargets({ nodes, target: 500_000, rule: "history" });
    expect(r.targets.map((t) => t.personal)).toEqual([300_000, 100_000, 100_000]);
  });

  it("weight: in proportion to hours; a missing weight counts as the average; inactive members get nothing", () => {
    const nodes: CascadeNode[] = [
      { id: "ann", parentId: null, weight: 10 },
      { id: "ben", parentId: "ann", weight: 30 },
      { id: "cat", parentId: "ann" },
      { id: "dan", parentId: "ann", weight: 5, active: false },
    ];
    const r = cascadeTargets({ nodes, target: 1_000, rule: "weight" });
    expect(r.targets.map((t) => t.personal)).toEqual([167, 500, 333, 0]);
  });

  it("overrides are kept and the rest is rebalanced among the others", () => {
    const r = cascadeTargets({
      nodes: team,
      target: 5_000_000,
      rule: "even",
      overrides: [
        { id: "cat", kind: "personal", value: 2_000_000 },
        { id: "ben", kind: "team", value: 1_500_000 },
      ],
    });
    const m = byId(r);
    expect(r.conflicts).toEqual([]);
    expect(m.get("cat")!.personal).toBe(2_000_000);
    expect(m.get("ben")!.team).toBe(1_500_000);
    expect([m.get("ben")!.personal, m.get("dan")!.personal, m.get("eve")!.personal]).toEqual([
      500_000, 500_000, 500_000,
    ]);
    expect(m.get("ann")!.personal).toBe(1_500_000); // 5m − 2m − 1.5m
  });

  it("an override that cannot fit is reported, with what was asked and what was given", () => {
    const r = cascadeTargets({
      nodes: team,
      target: 1_000,
      rule: "even",
      overrides: [
        { id: "ben", kind: "team", value: 100 },
        { id: "dan", kind: "personal", value: 150 },
      ],
      nameOf: (id) => id[0]!.toUpperCase() + id.slice(1),
    });
    expect(r.conflicts).toHaveLength(1);
    const c = r.conflicts[0]!;
    expect(c).toMatchObject({ code: "overrides_exceed_available", nodeId: "ben", available: 100, requested: 150 });
    expect(c.changed).toEqual([{ id: "dan", kind: "personal", requested: 150, assigned: 100 }]);
    expect(c.message).toBe(
      "The fixed targets in Ben's team add up to 150, more than the 100 available; they were scaled down to fit. Lower an override or raise the team target.",
    );
    const m = byId(r);
    expect([m.get("ben")!.team, m.get("ben")!.personal, m.get("dan")!.personal, m.get("eve")!.personal]).toEqual([
      100, 0, 100, 0,
    ]);
  });

  it("reports a team whose members are all fixed but leave something unplaced, and a root override that disagrees", () => {
    const r = cascadeTargets({
      nodes: [
        { id: "a", parentId: null },
        { id: "b", parentId: "a" },
      ],
      target: 100,
      rule: "even",
      overrides: [
        { id: "a", kind: "personal", value: 30 },
        { id: "b", kind: "personal", value: 30 },
        { id: "a", kind: "team", value: 90 },
      ],
    });
    expect(r.conflicts.map((c) => c.code)).toEqual(["root_team_override", "overrides_leave_remainder"]);
    expect(r.targets.map((t) => t.personal)).toEqual([50, 50]);
  });

  it("rejects broken trees and overrides", () => {
    const fail = (input: Partial<CascadeInput>, code: string) => {
      try {
        cascadeTargets({ nodes: team, target: 10, rule: "even", ...input });
      } catch (e) {
        expect(e).toBeInstanceOf(PlanningError);
        expect((e as PlanningError).code).toBe(code);
        return;
      }
      throw new Error("expected an error");
    };
    fail({ nodes: [...team, { id: "zed", parentId: "nobody" }] }, "multiple_roots");
    fail(
      {
        nodes: [
          { id: "a", parentId: "b" },
          { id: "b", parentId: "a" },
        ],
      },
      "cycle",
    );
    fail({ nodes: [...team, { id: "x", parentId: "y" }, { id: "y", parentId: "x" }] }, "cycle");
    fail({ nodes: [...team, { id: "me", parentId: "me" }] }, "cycle");
    fail({ nodes: [...team, { id: "ben", parentId: "ann" }] }, "duplicate_id");
    fail({ nodes: [] }, "empty_tree");
    fail({ overrides: [{ id: "zoe", kind: "personal", value: 1 }] }, "unknown_member");
    fail(
      {
        overrides: [
          { id: "ben", kind: "personal", value: 1 },
          { id: "ben", kind: "personal", value: 2 },
        ],
      },
      "duplicate_override",
    );
    fail({ overrides: [{ id: "ben", kind: "personal", value: -1 }] }, "invalid_amount");
    fail({ target: 1.5 }, "invalid_amount");
    fail({ rule: "random" as never }, "invalid_rule");
    fail({ rule: "history", historyFloor: 2 }, "invalid_history_floor");
  });

  it("handles a 100,000-deep chain without recursion", () => {
    const nodes: CascadeNode[] = Array.from({ length: 100_000 }, (_, i) => ({
      id: `n${i}`,
      parentId: i === 0 ? null : `n${i - 1}`,
    }));
    const r = cascadeTargets({ nodes, target: 1_000_000, rule: "even" });
    expect(r.targets[0]!.team).toBe(1_000_000);
    expect(r.targets[99_999]!.team).toBe(10);
    expect(r.targets.every((t) => t.personal === 10)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const scenarioArb = treeArb(40).chain((tree) =>
  fc
    .record({
      target: fc.oneof(fc.nat({ max: 100 }), fc.nat({ max: 100_000_000 })),
      rule: fc.constantFrom("even" as const, "history" as const, "weight" as const),
      attrs: fc.array(
        fc.record({
          weight: fc.option(fc.nat({ max: 100 }), { nil: undefined }),
          history: fc.option(fc.nat({ max: 1_000_000 }), { nil: undefined }),
          active: fc.boolean(),
        }),
        { minLength: tree.length, maxLength: tree.length },
      ),
      overrides: fc.uniqueArray(
        fc.record({
          i: fc.nat({ max: tree.length - 1 }),
          kind: fc.constantFrom("personal" as const, "team" as const),
          value: fc.nat({ max: 50_000_000 }),
        }),
        { maxLength: Math.min(6, tree.length * 2), selector: (o) => `${o.i}:${o.kind}` },
      ),
      floor: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map((r) => {
      const input: CascadeInput = {
        nodes: tree.map((node, i) => ({
          ...node,
          weight: r.attrs[i]!.weight,
          historyActual: r.attrs[i]!.history,
          active: r.attrs[i]!.active || i === 0,
        })),
        target: r.target,
        rule: r.rule,
        overrides: r.overrides.map((o): CascadeOverride => ({ id: tree[o.i]!.id, kind: o.kind, value: o.value })),
        historyFloor: r.floor,
      };
      return input;
    }),
);

describe("cascade properties", () => {
  it("team = personal + Σ team(children) exactly and root = target, with or without conflicts", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        expectConsistent(input, cascadeTargets(input));
      }),
      { numRuns: 400 },
    );
  });

  it("overrides are respected when there is no conflict, and never changed silently", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const r = cascadeTargets(input);
        const m = byId(r);
        const changed = new Map(r.conflicts.flatMap((c) => c.changed).map((c) => [`${c.id}:${c.kind}`, c]));
        for (const o of input.overrides ?? []) {
          const got = o.kind === "personal" ? m.get(o.id)!.personal : m.get(o.id)!.team;
          if (r.conflicts.length === 0) expect(got).toBe(o.value);
          if (got !== o.value) {
            // Every override not met is listed with the exact values.
            expect(changed.get(`${o.id}:${o.kind}`)).toEqual({
              id: o.id,
              kind: o.kind,
              requested: o.value,
              assigned: got,
            });
          }
        }
        for (const c of r.conflicts) expect(c.message.length).toBeGreaterThan(20);
      }),
      { numRuns: 400 },
    );
  });

  it("overrides that fit never conflict (a personal override per member, summing to at most the target)", () => {
    fc.assert(
      fc.property(
        treeArb(30),
        fc.nat({ max: 1_000_000 }),
        fc.array(fc.nat({ max: 1000 }), { minLength: 30, maxLength: 30 }),
        fc.integer({ min: 1, max: 29 }),
        (tree, target, raw, every) => {
          const picked = tree.filter((_, i) => i % every === 1);
          const overrides = picked.map((n, k): CascadeOverride => ({ id: n.id, kind: "personal", value: raw[k]! }));
          const fixed = overrides.reduce((s, o) => s + o.value, 0);
          const input: CascadeInput = { nodes: tree, target: target + fixed, rule: "even", overrides };
          const r = cascadeTargets(input);
          if (picked.length < tree.length) expect(r.conflicts).toEqual([]);
          expectConsistent(input, r);
        },
      ),
    );
  });

  it("without overrides, shares follow the rule: even → within one unit; weight → quota rounded down or up", () => {
    fc.assert(
      fc.property(
        treeArb(50),
        fc.nat({ max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 50, maxLength: 50 }),
        (tree, target, ws) => {
          const even = cascadeTargets({ nodes: tree, target, rule: "even" });
          const ps = even.targets.map((t) => t.personal);
          expect(Math.max(...ps) - Math.min(...ps)).toBeLessThanOrEqual(1);

          const nodes = tree.map((n, i) => ({ ...n, weight: ws[i]! }));
          const W = nodes.reduce((s, n) => s + n.weight, 0);
          const weighted = cascadeTargets({ nodes, target, rule: "weight" });
          weighted.targets.forEach((t, i) => {
            const exact = (target * nodes[i]!.weight) / W;
            expect(t.personal).toBeGreaterThanOrEqual(Math.floor(exact - 1e-9));
            expect(t.personal).toBeLessThanOrEqual(Math.ceil(exact + 1e-9));
          });
        },
      ),
    );
  });

  it("history floor: a member with no history gets at least floor × the average positive history's share", () => {
    fc.assert(
      fc.property(
        treeArb(20),
        fc.array(fc.nat({ max: 10_000 }), { minLength: 20, maxLength: 20 }),
        fc.nat({ max: 1_000_000 }),
        (tree, hs, target) => {
          const nodes = tree.map((n, i) => ({ ...n, historyActual: i === tree.length - 1 ? 0 : hs[i]! }));
          const w = personalWeights(nodes, "history", 0.5);
          const positive = nodes.map((n) => n.historyActual).filter((h) => h > 0);
          const newcomer = w[nodes.length - 1]!;
          if (positive.length === 0) expect(newcomer).toBe(1);
          else expect(newcomer).toBeCloseTo((0.5 * positive.reduce((a, b) => a + b, 0)) / positive.length, 6);
          const r = cascadeTargets({ nodes, target, rule: "history" });
          const W = w.reduce((a, b) => a + b, 0);
          expect(r.targets[nodes.length - 1]!.personal).toBeGreaterThanOrEqual(
            Math.floor((target * newcomer) / W - 1e-9),
          );
        },
      ),
    );
  });
});
