/**
 * The `weight` split rule with split weights as percentages (100 = full time, 50 = half time): splits add up exactly,
 * each share is its exact quota rounded down or up (checked with BigInt arithmetic), and the split does not depend on
 * the scale the weights are written in — so the migration that multiplied every stored weight by 100 changed no split.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cascadeTargets, personalWeights, type CascadeNode } from "./cascade";
import { describeSplitWeight, FULL_TIME_WEIGHT, gcdOf, MAX_SPLIT_WEIGHT } from "./split-weight";
import { childrenOf, treeArb } from "./test-arbitraries";

const percentArb = fc.integer({ min: 0, max: MAX_SPLIT_WEIGHT });
/** Mostly full time, often half time, sometimes anything in range. */
const typicalPercentArb = fc.oneof(
  { arbitrary: fc.constant(FULL_TIME_WEIGHT), weight: 3 },
  { arbitrary: fc.constant(50), weight: 2 },
  { arbitrary: percentArb, weight: 2 },
);
const targetArb = fc.oneof(fc.nat({ max: 1_000 }), fc.nat({ max: 2_000_000_000 }));

function withWeights(tree: { id: string; parentId: string | null }[], ws: number[]): CascadeNode[] {
  return tree.map((n, i) => ({ ...n, weight: ws[i % ws.length]! }));
}

describe("split weights (percentages)", () => {
  it("describes a weight in words", () => {
    expect(describeSplitWeight(100)).toBe("Full time (100%)");
    expect(describeSplitWeight(50)).toBe("Half time (50%)");
    expect(describeSplitWeight(0)).toBe("No share of their own (0%)");
    expect(describeSplitWeight(75)).toBe("75% of full time");
  });

  it("gcdOf", () => {
    expect(gcdOf([100, 100, 50])).toBe(50);
    expect(gcdOf([0, 0])).toBe(0);
    expect(gcdOf([0, 30, 45])).toBe(15);
  });

  it("a part-timer at 50% gets half a full-timer's share", () => {
    const nodes: CascadeNode[] = [
      { id: "lead", parentId: null, weight: 100 },
      { id: "full", parentId: "lead", weight: 100 },
      { id: "half", parentId: "lead", weight: 50 },
    ];
    const r = cascadeTargets({ nodes, target: 1_000, rule: "weight" });
    expect(r.targets.map((t) => t.personal)).toEqual([400, 400, 200]);
    expect([...personalWeights(nodes, "weight")]).toEqual([2, 2, 1]);
  });

  it("splits always add up exactly and every share is its exact quota rounded down or up", () => {
    fc.assert(
      fc.property(
        treeArb(60),
        targetArb,
        fc.array(typicalPercentArb, { minLength: 1, maxLength: 60 }),
        (tree, target, ws) => {
          const nodes = withWeights(tree, ws);
          const r = cascadeTargets({ nodes, target, rule: "weight" });
          expect(r.conflicts).toEqual([]);
          const byId = new Map(r.targets.map((t) => [t.id, t]));
          const root = r.targets.find((t) => t.parentId === null)!;
          expect(root.team).toBe(target);
          const kids = childrenOf(tree);
          for (const t of r.targets) {
            expect(Number.isSafeInteger(t.personal) && t.personal >= 0).toBe(true);
            const below = (kids.get(t.id) ?? []).reduce((s, c) => s + byId.get(c.id)!.team, 0);
            expect(t.team).toBe(t.personal + below);
          }
          const W = BigInt(nodes.reduce((s, n) => s + n.weight!, 0));
          if (W === 0n) {
            // Nobody has a share of their own: the target is shared evenly (the cascade's rule for a weightless group).
            const ps = r.targets.map((t) => t.personal);
            expect(Math.max(...ps) - Math.min(...ps)).toBeLessThanOrEqual(1);
            return;
          }
          r.targets.forEach((t, i) => {
            const num = BigInt(target) * BigInt(nodes[i]!.weight!);
            const floor = num / W;
            const ceil = num % W === 0n ? floor : floor + 1n;
            expect(BigInt(t.personal) >= floor && BigInt(t.personal) <= ceil).toBe(true);
            if (nodes[i]!.weight === 0) expect(t.personal).toBe(0);
          });
        },
      ),
    );
  });

  it("does not depend on the scale: weights of 1 and their ×100 percentages give the same split (the migration)", () => {
    fc.assert(
      fc.property(
        treeArb(60),
        targetArb,
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 1_000 }),
        (tree, target, ws, k) => {
          const before = cascadeTargets({ nodes: withWeights(tree, ws), target, rule: "weight" });
          const after = cascadeTargets({
            nodes: withWeights(
              tree,
              ws.map((w) => w * 100),
            ),
            target,
            rule: "weight",
          });
          const scaled = cascadeTargets({
            nodes: withWeights(
              tree,
              ws.map((w) => w * k),
            ),
            target,
            rule: "weight",
          });
          expect(after.targets).toEqual(before.targets);
          expect(scaled.targets).toEqual(before.targets);
        },
      ),
    );
  });

  it("everyone at 100% splits exactly like the even rule", () => {
    fc.assert(
      fc.property(treeArb(60), targetArb, (tree, target) => {
        const even = cascadeTargets({ nodes: tree, target, rule: "even" });
        const weighted = cascadeTargets({ nodes: withWeights(tree, [FULL_TIME_WEIGHT]), target, rule: "weight" });
        expect(weighted.targets).toEqual(even.targets);
      }),
    );
  });

  it("a missing weight counts exactly as the average of the given ones", () => {
    fc.assert(
      fc.property(
        treeArb(30),
        targetArb,
        fc.array(fc.integer({ min: 1, max: MAX_SPLIT_WEIGHT }), { minLength: 30, maxLength: 30 }),
        (tree, target, ws) => {
          if (tree.length < 2) return;
          const nodes = withWeights(tree, ws);
          const given = nodes.slice(0, -1);
          const sum = given.reduce((s, n) => s + n.weight!, 0);
          const missing = [...given, { ...nodes.at(-1)!, weight: undefined }];
          // Explicit average, written in whole numbers: every weight × count, the average as the sum.
          const explicit = [
            ...given.map((n) => ({ ...n, weight: n.weight! * given.length })),
            { ...nodes.at(-1)!, weight: sum },
          ];
          expect(cascadeTargets({ nodes: missing, target, rule: "weight" }).targets).toEqual(
            cascadeTargets({ nodes: explicit, target, rule: "weight" }).targets,
          );
        },
      ),
    );
  });

  it("a larger weight never gets a smaller share (monotone within one split)", () => {
    fc.assert(
      fc.property(
        treeArb(40),
        targetArb,
        fc.array(percentArb, { minLength: 40, maxLength: 40 }),
        (tree, target, ws) => {
          const nodes = withWeights(tree, ws);
          const r = cascadeTargets({ nodes, target, rule: "weight" });
          for (let i = 0; i < nodes.length; i++)
            for (let j = 0; j < nodes.length; j++)
              if (nodes[i]!.weight! > nodes[j]!.weight!)
                expect(r.targets[i]!.personal).toBeGreaterThanOrEqual(r.targets[j]!.personal);
        },
      ),
    );
  });
});
