import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountLabel, amountToInput, parseAmountInput } from "./commitment-amount";

describe("commitment amounts", () => {
  it("reads money in pounds and stores pence; counts stay whole", () => {
    expect(parseAmountInput("150", "MONEY")).toEqual({ ok: true, amount: 15000 });
    expect(parseAmountInput("£1,250.5", "MONEY")).toEqual({ ok: true, amount: 125050 });
    expect(parseAmountInput(" ", "MONEY")).toEqual({ ok: true, amount: null });
    expect(parseAmountInput("1.234", "MONEY").ok).toBe(false);
    expect(parseAmountInput("-3", "COUNT").ok).toBe(false);
    expect(parseAmountInput("2.5", "COUNT").ok).toBe(false);
    expect(parseAmountInput("40", "COUNT")).toEqual({ ok: true, amount: 40 });
    expect(amountToInput(15000, "MONEY")).toBe("150");
    expect(amountToInput(125050, "MONEY")).toBe("1250.50");
    expect(amountToInput(null, "COUNT")).toBe("");
    expect(amountLabel("MONEY", "GBP", "Team volume")).toBe("Amount of team volume in £ (optional)");
    expect(amountLabel("COUNT", "GBP")).toBe("Number (optional)");
  });

  it("round-trips any stored amount through the form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.constantFrom("MONEY", "COUNT"), (amount, unit) => {
        expect(parseAmountInput(amountToInput(amount, unit), unit)).toEqual({ ok: true, amount });
      }),
    );
  });
});
