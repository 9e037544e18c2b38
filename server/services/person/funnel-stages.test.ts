/** The stage order of a names list: the funnel's chains, counted metrics only (fast-check on shuffled input). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderFunnelStages } from "./funnel-stages";

const metric = (metricId: string, kind: "ACTIVITY" | "RESULT", unit: string, position: number) => ({
  metricId,
  key: metricId,
  name: metricId,
  kind,
  unit,
  position,
  archived: false,
});
const METRICS = [
  metric("volume", "RESULT", "MONEY", 3),
  metric("sponsors", "RESULT", "COUNT", 2),
  metric("presentations", "ACTIVITY", "COUNT", 1),
  metric("contacts", "ACTIVITY", "COUNT", 0),
  metric("calls", "ACTIVITY", "COUNT", 4),
];
const CHAINS = [
  { resultMetricId: "volume", activityMetricId: "contacts", position: 0 },
  { resultMetricId: "volume", activityMetricId: "presentations", position: 1 },
  { resultMetricId: "volume", activityMetricId: "sponsors", position: 2 },
  { resultMetricId: "sponsors", activityMetricId: "contacts", position: 0 },
  { resultMetricId: "sponsors", activityMetricId: "presentations", position: 1 },
];

describe("orderFunnelStages", () => {
  it("orders by the funnel, leaves out money and metrics outside any funnel, whatever the input order", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(METRICS, { minLength: 5 }),
        fc.shuffledSubarray(CHAINS, { minLength: 5 }),
        (metrics, chains) => {
          expect(orderFunnelStages(metrics, chains).map((s) => s.metricId)).toEqual([
            "contacts",
            "presentations",
            "sponsors",
          ]);
        },
      ),
    );
  });

  it("a team without a funnel has no stages", () => {
    expect(orderFunnelStages(METRICS, [])).toEqual([]);
  });
});
