import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { advanceStage, funnelStageRanks, stageAfterUndo, stageFromTouches, type FunnelStageRow } from "./person-stage";

/** contacts → presentations → sponsors (result), and sponsors as an activity of a volume chain (money). */
const chains: FunnelStageRow[] = [
  { resultMetricId: "sponsors", activityMetricId: "contacts", position: 0 },
  { resultMetricId: "sponsors", activityMetricId: "presentations", position: 1 },
  { resultMetricId: "volume", activityMetricId: "contacts", position: 0 },
  { resultMetricId: "volume", activityMetricId: "presentations", position: 1 },
  { resultMetricId: "volume", activityMetricId: "sponsors", position: 2 },
];
const counted = new Set(["contacts", "presentations", "sponsors"]);
const ranks = funnelStageRanks(chains, counted);
const metrics = ["contacts", "presentations", "sponsors", "volume", "minutes"];
const stageArb = fc.option(fc.constantFrom(...metrics), { nil: null });

describe("funnel stage ranks", () => {
  it("orders the seed funnel and leaves money out", () => {
    expect([...ranks.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id)).toEqual([
      "contacts",
      "presentations",
      "sponsors",
    ]);
    expect(ranks.has("volume")).toBe(false);
  });
});

describe("advancing and undoing", () => {
  it("a tap only ever moves a person forward", () => {
    fc.assert(
      fc.property(stageArb, fc.constantFrom(...metrics), (current, tapped) => {
        const next = advanceStage(current, tapped, ranks);
        const rank = (s: string | null) => (s === null ? -1 : (ranks.get(s) ?? -1));
        expect(rank(next)).toBeGreaterThanOrEqual(rank(current));
        expect(rank(next)).toBeGreaterThanOrEqual(ranks.has(tapped) ? rank(tapped) : -1);
        expect([current, tapped]).toContain(next);
      }),
    );
  });

  it("the stage of a list of touches does not depend on their order, and taps in any order end there", () => {
    fc.assert(
      fc.property(fc.array(stageArb, { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 10 }), (touches, keys) => {
        const shuffled = touches
          .map((t, i) => ({ t, k: keys[i] ?? i }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.t);
        expect(stageFromTouches(shuffled, ranks)).toBe(stageFromTouches(touches, ranks));
        const byTaps = touches.reduce<string | null>((s, t) => (t === null ? s : advanceStage(s, t, ranks)), null);
        expect(byTaps).toBe(stageFromTouches(touches, ranks));
      }),
    );
  });

  it("undoing the last tap of a tap-only history gives the stage of the others", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...metrics), { minLength: 1, maxLength: 8 }), (taps) => {
        const current = stageFromTouches(taps, ranks);
        const undone = taps.at(-1)!;
        const remaining = taps.slice(0, -1);
        expect(stageAfterUndo({ current, undoneMetricId: undone, remainingMetricIds: remaining, ranks })).toBe(
          stageFromTouches(remaining, ranks),
        );
      }),
    );
  });

  it("undo leaves a stage that the undone tap did not set", () => {
    expect(stageAfterUndo({ current: "sponsors", undoneMetricId: "contacts", remainingMetricIds: [], ranks })).toBe(
      "sponsors",
    );
  });
});
