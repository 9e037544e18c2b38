import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memberConversionRates } from "./conversion-rates";
import { activityNeeds, type FunnelStep, type MetricRef } from "./member-actions";

const metric = (id: string, name: string, unit: MetricRef["unit"] = "COUNT"): MetricRef => ({
  id,
  key: id,
  name,
  unit,
  minutesPerAction: 5,
});
const sponsors = metric("sponsors", "Sponsors");
const steps: FunnelStep[] = [
  { ...metric("contacts", "Contacts"), fromCount: 3, toCount: 1 },
  { ...metric("presentations", "Presentations"), fromCount: 10, toCount: 1 },
];

describe("memberConversionRates", () => {
  it("without history: the team's defaults, no observations", () => {
    const r = memberConversionRates({ result: sponsors, steps, history: {} });
    expect(r.rates.map((x) => [x.from.id, x.to.id, x.trials, x.observedRate, x.rate])).toEqual([
      ["contacts", "presentations", 0, null, 1 / 3],
      ["presentations", "sponsors", 0, null, 0.1],
    ]);
    expect(r.rates.every((x) => x.historyWeight === 0)).toBe(true);
  });

  it("with history: observed rates and the smoothed rate between them and the default", () => {
    const r = memberConversionRates({
      result: sponsors,
      steps,
      history: { contacts: 100, presentations: 50, sponsors: 5 },
    });
    const [c, p] = r.rates;
    expect(c).toMatchObject({ trials: 100, successes: 50, observedRate: 0.5 });
    expect(c!.rate).toBeCloseTo((50 + 10 / 3) / 110, 12);
    expect(p).toMatchObject({ trials: 50, successes: 5, observedRate: 0.1 });
    expect(c!.historyWeight).toBeCloseTo(100 / 110, 12);
  });

  it("a money result's last step is a value per action, not a rate", () => {
    const volume = metric("volume", "Team volume", "MONEY");
    const r = memberConversionRates({
      result: volume,
      steps: [...steps, { ...sponsors, fromCount: 1, toCount: 50_000 }],
      history: {},
    });
    expect(r.rates.map((x) => x.to.id)).toEqual(["presentations", "sponsors"]);
    expect(r.valuePerAction).toEqual({ step: { id: "sponsors", name: "Sponsors" }, value: 50_000 });
  });

  it("the rates shown are the rates the member's actions are planned with", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 500 }),
        fc.nat({ max: 500 }),
        fc.nat({ max: 500 }),
        fc.integer({ min: 1, max: 1_000 }),
        (contacts, presentations, won, target) => {
          const history = { contacts, presentations, sponsors: won };
          const shown = memberConversionRates({ result: sponsors, steps, history });
          const needs = activityNeeds({ result: sponsors, amount: target, steps, history });
          expect(needs.map((n) => n.rate)).toEqual(shown.rates.map((r) => r.rate));
          for (const r of shown.rates) {
            expect(r.successes).toBeLessThanOrEqual(r.trials);
            expect(r.rate).toBeGreaterThanOrEqual(Math.min(r.defaultRate, r.observedRate ?? r.defaultRate) - 1e-12);
            expect(r.rate).toBeLessThanOrEqual(Math.max(r.defaultRate, r.observedRate ?? r.defaultRate) + 1e-12);
          }
        },
      ),
    );
  });
});
