import { describe, expect, it } from "vitest";
import { funnelFormSchema, funnelToText } from "./funnel-form-schema";

const errorsOf = (money: boolean, steps: { activityMetricId: string; fromCount: string; toCount: string }[]) =>
  funnelFormSchema(money, "GBP")
    .safeParse({ steps })
    .error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("the funnel form", () => {
  it("reads counts as whole numbers and the last step of a money result in minor units", () => {
    const steps = [
      { activityMetricId: "a", fromCount: "30", toCount: "15" },
      { activityMetricId: "b", fromCount: "1,000", toCount: "1" },
      { activityMetricId: "c", fromCount: "1", toCount: "£500.50" },
    ];
    expect(funnelFormSchema(true, "GBP").parse({ steps }).steps).toEqual([
      { activityMetricId: "a", fromCount: 30, toCount: 15 },
      { activityMetricId: "b", fromCount: 1000, toCount: 1 },
      { activityMetricId: "c", fromCount: 1, toCount: 50050 },
    ]);
    expect(
      funnelFormSchema(true, "JPY").parse({ steps: [{ activityMetricId: "a", fromCount: "1", toCount: "¥2,468" }] })
        .steps,
    ).toEqual([{ activityMetricId: "a", fromCount: 1, toCount: 2468 }]);
  });

  it("puts each message on its own field", () => {
    expect(
      errorsOf(false, [
        { activityMetricId: "", fromCount: "0", toCount: "2.5" },
        { activityMetricId: "b", fromCount: "abc", toCount: "1" },
      ]),
    ).toEqual([
      "steps.0.activityMetricId: Choose a metric",
      "steps.0.fromCount: Enter a number of at least 1",
      "steps.0.toCount: Enter a whole number, like 12",
      "steps.1.fromCount: Enter a whole number, like 12",
    ]);
    expect(errorsOf(true, [{ activityMetricId: "a", fromCount: "1", toCount: "0" }])).toEqual([
      "steps.0.toCount: Enter an amount of at least £0.01",
    ]);
    expect(errorsOf(false, [])).toEqual([]);
  });

  it("shows stored steps as the text they are edited as", () => {
    const stored = [
      { activityMetricId: "a", fromCount: 30, toCount: 15 },
      { activityMetricId: "b", fromCount: 1, toCount: 50000 },
    ];
    expect(funnelToText(stored, true, "GBP").map((s) => s.toCount)).toEqual(["15", "500"]);
    expect(funnelToText(stored, false, "GBP").map((s) => s.toCount)).toEqual(["15", "50000"]);
  });
});
