import { describe, expect, it } from "vitest";
import type { MetricUnit } from "@/server/domain/money";
import { goalFormSchema, toGoalInput, type GoalFormValues } from "./goal-form-schema";

const values = (patch: Partial<GoalFormValues> = {}): GoalFormValues => ({
  name: "Volume",
  metricId: "m-money",
  rootMembershipId: "",
  target: "50,000",
  baseline: "0",
  startDate: "2027-03-01",
  deadline: "2027-04-30",
  period: "WEEK",
  curve: "LINEAR",
  curveStrength: "",
  checkpoints: [],
  splitRule: "EVEN",
  ...patch,
});
const unitOf = (id: string): MetricUnit => (id === "m-money" ? "MONEY" : "COUNT");
const errorsOf = (currency: string, v: GoalFormValues) =>
  goalFormSchema(currency, unitOf)
    .safeParse(v)
    .error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("the new-goal form", () => {
  it("reads amounts in the team currency's minor units with the one money parser", () => {
    expect(errorsOf("GBP", values())).toEqual([]);
    expect(toGoalInput(values({ baseline: "1,250.50" }), "MONEY", "GBP")).toMatchObject({
      target: 5_000_000,
      baseline: 125_050,
    });
    expect(toGoalInput(values({ target: "¥2,468" }), "MONEY", "JPY")).toMatchObject({ target: 2468, baseline: 0 });
    expect(toGoalInput(values({ metricId: "m-count", target: "1,500" }), "COUNT", "JPY")).toMatchObject({
      target: 1500,
    });
    const custom = values({ curve: "CUSTOM", checkpoints: [{ amount: "42,000", weeksToGo: 1 }] });
    expect(toGoalInput(custom, "MONEY", "GBP").checkpoints).toEqual([{ weeksToGo: 1, cumulative: 4_200_000 }]);
  });

  it("keeps a leaning curve's strength (empty is the default) and drops it from every other curve", () => {
    expect(toGoalInput(values({ curve: "FRONT_LOADED", curveStrength: "70" }), "MONEY", "GBP").curveStrength).toBe(70);
    expect(toGoalInput(values({ curve: "BACK_LOADED", curveStrength: " 35% " }), "MONEY", "GBP").curveStrength).toBe(
      35,
    );
    expect(toGoalInput(values({ curve: "BACK_LOADED", curveStrength: "" }), "MONEY", "GBP").curveStrength).toBeNull();
    expect(toGoalInput(values({ curve: "LINEAR", curveStrength: "70" }), "MONEY", "GBP").curveStrength).toBeNull();
    for (const bad of ["101", "-5", "12.5", "lots"])
      expect(errorsOf("GBP", values({ curve: "FRONT_LOADED", curveStrength: bad }))).toEqual([
        "curveStrength: A whole percent from 0 to 100",
      ]);
    expect(errorsOf("GBP", values({ curve: "LINEAR", curveStrength: "lots" }))).toEqual([]);
  });

  it("says what is wrong with the same messages as every amount field", () => {
    expect(errorsOf("JPY", values({ target: "12.50" }))).toEqual(["target: Enter a whole amount, like 1,250"]);
    expect(errorsOf("JPY", values({ target: "1e15" }))).toEqual(["target: Enter an amount like 1,250"]);
    expect(errorsOf("GBP", values({ target: "" }))).toEqual(["target: Enter an amount"]);
    expect(errorsOf("GBP", values({ target: "0" }))).toEqual(["target: The target must be above zero"]);
    expect(errorsOf("GBP", values({ baseline: "60,000" }))).toEqual([
      "baseline: The baseline must be below the target",
    ]);
    expect(errorsOf("GBP", values({ target: "50,000,000" }))).toEqual([
      "target: That amount is too large: the most is £20,000,000",
    ]);
    expect(errorsOf("GBP", values({ curve: "CUSTOM", checkpoints: [{ amount: "60000", weeksToGo: 1 }] }))).toEqual([
      "checkpoints: A checkpoint cannot be above the target",
    ]);
    expect(errorsOf("GBP", values({ curve: "CUSTOM", checkpoints: [{ amount: "abc", weeksToGo: 1 }] }))).toEqual([
      "checkpoints.0.amount: Enter an amount like 12.50",
    ]);
  });
});
