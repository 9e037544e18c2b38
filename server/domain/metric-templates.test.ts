import { describe, expect, it } from "vitest";
import { TEMPLATES } from "./metric-templates";

describe("starter templates", () => {
  it("lead the money result through the count result's funnel plus its value per action", () => {
    expect(TEMPLATES.NETWORK_MARKETING.funnels).toEqual([
      {
        result: "team_volume",
        steps: [
          { metric: "contacts", from: 30, to: 15 },
          { metric: "follow_ups", from: 15, to: 10 },
          { metric: "presentations", from: 10, to: 1 },
          { metric: "sponsors", from: 1, to: 50_000 },
        ],
      },
      {
        result: "sponsors",
        steps: [
          { metric: "contacts", from: 30, to: 15 },
          { metric: "follow_ups", from: 15, to: 10 },
          { metric: "presentations", from: 10, to: 1 },
        ],
      },
    ]);
    expect(TEMPLATES.SALES.funnels.map((f) => [f.result, f.steps.map((s) => s.metric)])).toEqual([
      ["revenue", ["calls", "meetings", "proposals", "deals"]],
      ["deals", ["calls", "meetings", "proposals"]],
    ]);
  });

  it("name only metrics of their own template in funnels", () => {
    for (const tpl of Object.values(TEMPLATES)) {
      const keys = new Set(tpl.metrics.map((m) => m.key));
      for (const f of tpl.funnels) {
        expect(keys.has(f.result)).toBe(true);
        for (const s of f.steps) expect(keys.has(s.metric)).toBe(true);
      }
    }
  });
});
