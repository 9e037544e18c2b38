import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  activeThreshold,
  cheapestLeg,
  evaluateRanks,
  legCap,
  legsOf,
  projectRank,
  requirementLines,
  sortRules,
  type RankRule,
  type VolumeNode,
} from "./rank-legs";
import { treeArb } from "./test-arbitraries";

const rule = (over: Partial<RankRule> & { id: string; position: number }): RankRule => ({
  name: over.id,
  personalVolume: 0,
  teamVolume: 0,
  personallySponsored: 0,
  qualifiedLegs: 0,
  monthlyIncome: 0,
  legCapPct: null,
  legRankId: null,
  activeMembers: 0,
  activeMinVolume: 0,
  ...over,
});

const rulesArb: fc.Arbitrary<RankRule[]> = fc
  .array(
    fc.record({
      personalVolume: fc.integer({ min: 0, max: 300 }),
      teamVolume: fc.integer({ min: 0, max: 3000 }),
      personallySponsored: fc.integer({ min: 0, max: 3 }),
      qualifiedLegs: fc.integer({ min: 0, max: 3 }),
      legCapPct: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
      legRank: fc.nat(),
      activeMembers: fc.integer({ min: 0, max: 4 }),
      activeMinVolume: fc.integer({ min: 0, max: 200 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((rs) =>
    rs.map((r, i) =>
      rule({
        id: `r${i}`,
        position: i,
        personalVolume: r.personalVolume,
        teamVolume: r.teamVolume,
        personallySponsored: r.personallySponsored,
        qualifiedLegs: r.qualifiedLegs,
        legCapPct: r.legCapPct,
        legRankId: r.legRank % 3 === 0 ? null : `r${r.legRank % rs.length}`,
        activeMembers: r.activeMembers,
        activeMinVolume: r.activeMinVolume,
      }),
    ),
  );

const worldArb = fc
  .tuple(treeArb(25), rulesArb, fc.array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 2 }))))
  .map(([tree, rules, amounts]) => ({
    rules,
    nodes: tree.map((n, i): VolumeNode => ({
      ...n,
      personalVolume: amounts[i % Math.max(1, amounts.length)]?.[0] ?? 0,
      sponsors: amounts[i % Math.max(1, amounts.length)]?.[1] ?? 0,
    })),
  }));

/** The recount: every definition read literally, recursively, with nothing shared between members. */
function recount(nodes: readonly VolumeNode[], rules: readonly RankRule[]) {
  const sorted = sortRules(rules);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const kids = (id: string) => nodes.filter((n) => n.parentId === id);
  const subtree = (id: string): VolumeNode[] => [byId.get(id)!, ...kids(id).flatMap((k) => subtree(k.id))];
  const memo = new Map<string, number>();
  const held = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    let best = -1;
    sorted.forEach((r, ri) => {
      const a = actuals(id, ri);
      if ((Object.keys(a) as (keyof typeof a)[]).every((k) => a[k] >= r[k])) best = ri;
    });
    memo.set(id, best);
    return best;
  };
  const actuals = (id: string, ri: number) => {
    const r = sorted[ri]!;
    const me = byId.get(id)!;
    const cap = r.legCapPct === null ? Infinity : Math.floor((r.teamVolume * r.legCapPct) / 100);
    const need = Math.max(
      0,
      sorted.findIndex((x) => x.id === r.legRankId),
    );
    const legs = kids(id);
    const legVolume = (leg: VolumeNode) => subtree(leg.id).reduce((s, n) => s + n.personalVolume, 0);
    return {
      personalVolume: me.personalVolume,
      teamVolume: me.personalVolume + legs.reduce((s, l) => s + Math.min(legVolume(l), cap), 0),
      qualifiedLegs: legs.filter((l) => subtree(l.id).some((n) => held(n.id) >= need)).length,
      activeMembers: subtree(id).filter((n) => n.id !== id && n.personalVolume >= Math.max(1, r.activeMinVolume))
        .length,
      personallySponsored: me.sponsors,
    };
  };
  return { held, actuals, subtree, sorted };
}

describe("evaluateRanks", () => {
  it("agrees with a naive recount: every member's rank and every requirement's actual", () => {
    fc.assert(
      fc.property(worldArb, ({ nodes, rules }) => {
        const t = evaluateRanks(nodes, rules);
        const r = recount(nodes, rules);
        for (const n of nodes) {
          expect(t.held[t.index.get(n.id)!]).toBe(r.held(n.id));
          r.sorted.forEach((_, ri) => {
            const lines = requirementLines(t, n.id, ri);
            const want = r.actuals(n.id, ri);
            for (const line of lines) expect(line.actual).toBe(want[line.key]);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("counts the whole subtree as team volume without a cap, and never more than the cap from one leg", () => {
    fc.assert(
      fc.property(worldArb, ({ nodes, rules }) => {
        const uncapped = rules.map((r) => ({ ...r, legCapPct: null }));
        const t = evaluateRanks(nodes, uncapped);
        const capped = evaluateRanks(nodes, rules);
        const r = recount(nodes, rules);
        for (const n of nodes) {
          const total = r.subtree(n.id).reduce((s, x) => s + x.personalVolume, 0);
          t.rules.forEach((_, ri) => {
            expect(requirementLines(t, n.id, ri).find((l) => l.key === "teamVolume")!.actual).toBe(total);
            const withCap = requirementLines(capped, n.id, ri).find((l) => l.key === "teamVolume")!.actual;
            expect(withCap).toBeLessThanOrEqual(total);
            for (const leg of legsOf(capped, n.id, ri)) {
              expect(leg.counted).toBeLessThanOrEqual(legCap(capped.rules[ri]!));
              expect(leg.counted).toBeLessThanOrEqual(leg.volume);
            }
          });
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a leg holds a rank exactly when someone in it qualifies for it or above", () => {
    fc.assert(
      fc.property(worldArb, ({ nodes, rules }) => {
        const t = evaluateRanks(nodes, rules);
        const r = recount(nodes, rules);
        for (const n of nodes)
          for (const leg of legsOf(t, n.id, 0))
            expect(leg.maxHeld).toBe(Math.max(...r.subtree(leg.id).map((x) => r.held(x.id))));
      }),
      { numRuns: 100 },
    );
  });

  it("gives whole lines: remaining = max(0, required − actual), 100 % exactly when met", () => {
    fc.assert(
      fc.property(worldArb, ({ nodes, rules }) => {
        const t = evaluateRanks(nodes, rules);
        for (const n of nodes)
          t.rules.forEach((_, ri) => {
            for (const l of requirementLines(t, n.id, ri)) {
              expect(l.remaining).toBe(Math.max(0, l.required - l.actual));
              expect(Number.isInteger(l.percent) && l.percent >= 0 && l.percent <= 100).toBe(true);
              expect(l.percent === 100).toBe(l.remaining === 0);
            }
          });
      }),
      { numRuns: 100 },
    );
  });

  it("handles a deep line without recursion", () => {
    const n = 20_000;
    const nodes = Array.from({ length: n }, (_, i) => ({
      id: `m${i}`,
      parentId: i === 0 ? null : `m${i - 1}`,
      personalVolume: 1,
      sponsors: 0,
    }));
    const t = evaluateRanks(nodes, [rule({ id: "a", position: 0, teamVolume: n })]);
    expect(t.held[0]).toBe(0);
    expect(t.held[1]).toBe(-1);
  });
});

describe("a leg cap", () => {
  it("counts at most 40 % of the requirement from one leg", () => {
    const nodes: VolumeNode[] = [
      { id: "me", parentId: null, personalVolume: 200, sponsors: 0 },
      { id: "sofia", parentId: "me", personalVolume: 900, sponsors: 0 },
      { id: "tom", parentId: "me", personalVolume: 100, sponsors: 0 },
    ];
    const gold = rule({ id: "gold", position: 0, teamVolume: 1000, legCapPct: 40 });
    const t = evaluateRanks(nodes, [gold]);
    // 200 own + min(900, 400) + min(100, 400)
    expect(requirementLines(t, "me", 0).find((l) => l.key === "teamVolume")).toMatchObject({
      actual: 700,
      remaining: 300,
      percent: 70,
    });
    // Sofia's leg is capped, so growing it adds nothing; Tom's leg counts up to 400: 300 more closes the gap.
    expect(cheapestLeg(t, "me", 0)).toEqual({ legId: "tom", amount: 300 });
    // With 500 to find and at most 300 more from Tom's leg, no single leg closes it.
    expect(cheapestLeg(evaluateRanks(nodes, [{ ...gold, teamVolume: 1250 }]), "me", 0)).toBeNull();
  });
});

describe("cheapestLeg", () => {
  it("is the least growth of one leg that meets the team requirements (checked by trying one less)", () => {
    fc.assert(
      fc.property(worldArb, ({ nodes, rules }) => {
        const t = evaluateRanks(nodes, rules);
        const root = t.ids[t.root]!;
        t.rules.forEach((_, ri) => {
          const best = cheapestLeg(t, root, ri);
          if (!best) return;
          const grow = (x: number) =>
            evaluateRanks(
              nodes.map((n) => (n.id === best.legId ? { ...n, personalVolume: n.personalVolume + x } : n)),
              rules,
            );
          const teamMet = (tree: ReturnType<typeof evaluateRanks>) =>
            requirementLines(tree, root, ri)
              .filter((l) => l.key === "teamVolume" || l.key === "qualifiedLegs" || l.key === "activeMembers")
              .every((l) => l.remaining === 0);
          expect(teamMet(grow(best.amount))).toBe(true);
          if (best.amount > 0) expect(teamMet(grow(best.amount - 1))).toBe(false);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe("projectRank", () => {
  const nodes = [
    { id: "me", parentId: null, personalVolume: 100, sponsors: 1, windowVolume: 100, windowSponsors: 0 },
    { id: "sofia", parentId: "me", personalVolume: 200, sponsors: 0, windowVolume: 200, windowSponsors: 0 },
  ];
  const days = ["2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-14"].map((date, i) => ({
    date,
    openDaysAhead: i + 1,
  }));

  it("finds the first day the member would qualify at the recent pace", () => {
    // 300 now, +30 a day (300 over 10 open days): 450 is reached after 5 open days.
    const gold = rule({ id: "gold", position: 0, teamVolume: 450 });
    const p = projectRank({
      nodes,
      rules: [gold],
      id: "me",
      ruleIndex: 0,
      windowOpenDays: 10,
      openDaysPerWeek: 5,
      days,
    });
    expect(p).toEqual({ qualifiesNow: false, date: "2026-03-14", atEnd: null });
  });

  it("says what falls short at the end when the pace does not reach it", () => {
    const gold = rule({ id: "gold", position: 0, teamVolume: 1000, personallySponsored: 2 });
    const p = projectRank({
      nodes,
      rules: [gold],
      id: "me",
      ruleIndex: 0,
      windowOpenDays: 10,
      openDaysPerWeek: 5,
      days,
    });
    expect(p.date).toBeNull();
    expect(p.atEnd?.find((l) => l.key === "teamVolume")).toMatchObject({ actual: 450, remaining: 550 });
    expect(p.atEnd?.find((l) => l.key === "personallySponsored")).toMatchObject({ actual: 1, remaining: 1 });
  });

  it("never projects below today's numbers", () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 0, max: 20 }), ({ nodes: ns, rules }, windowDays) => {
        const paced = ns.map((n) => ({ ...n, windowVolume: 0, windowSponsors: 0 }));
        const ri = rules.length - 1;
        const root = ns.find((n) => n.parentId === null)!.id;
        const now = evaluateRanks(ns, rules);
        const p = projectRank({
          nodes: paced,
          rules,
          id: root,
          ruleIndex: ri,
          windowOpenDays: windowDays,
          openDaysPerWeek: 5,
          days,
        });
        // Nothing is logged in the window: the projection is today's standing.
        expect(p.qualifiesNow).toBe(now.held[now.root]! >= ri);
        if (!p.qualifiesNow) expect(p.date).toBeNull();
      }),
      { numRuns: 50 },
    );
  });
});

describe("activeThreshold", () => {
  it("is at least 1: logging nothing is never active", () => {
    expect(activeThreshold({ activeMinVolume: 0 })).toBe(1);
    expect(activeThreshold({ activeMinVolume: 5000 })).toBe(5000);
  });
});
