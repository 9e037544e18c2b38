import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountToInput, formatAmount, MAX_AMOUNT, parseAmount } from "./amount";

describe("parseAmount", () => {
  it("reads money into exact minor units", () => {
    expect(parseAmount("12", "MONEY", "GBP")).toEqual({ ok: true, value: 1200 });
    expect(parseAmount("12.3", "MONEY", "GBP")).toEqual({ ok: true, value: 1230 });
    expect(parseAmount("12,30", "MONEY", "EUR")).toEqual({ ok: true, value: 1230 });
    expect(parseAmount("£1,234.56", "MONEY", "GBP")).toEqual({ ok: true, value: 123456 });
    expect(parseAmount("1.234,56", "MONEY", "EUR")).toEqual({ ok: true, value: 123456 });
    expect(parseAmount("1 234", "MONEY", "GBP")).toEqual({ ok: true, value: 123400 });
    expect(parseAmount("0.29", "MONEY", "GBP")).toEqual({ ok: true, value: 29 });
    expect(parseAmount("500", "MONEY", "JPY")).toEqual({ ok: true, value: 500 });
  });

  it("refuses what is not an amount, with a sentence", () => {
    expect(parseAmount("", "MONEY", "GBP")).toMatchObject({ ok: false, message: "Enter an amount" });
    expect(parseAmount("12.345", "MONEY", "GBP")).toMatchObject({ ok: false, message: "Use at most 2 decimal places" });
    expect(parseAmount("1.5", "COUNT", "GBP")).toMatchObject({ ok: false, message: "Enter a whole number" });
    expect(parseAmount("abc", "COUNT", "GBP")).toMatchObject({ ok: false });
    expect(parseAmount("0", "COUNT", "GBP")).toMatchObject({ ok: false, message: "Enter an amount of at least 1" });
    expect(parseAmount("-3", "MONEY", "GBP")).toMatchObject({ ok: false });
    expect(parseAmount(String(MAX_AMOUNT + 1), "COUNT", "GBP")).toMatchObject({ ok: false, message: "That amount is too large" });
  });

  it("round-trips every amount through the edit field", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_AMOUNT }), fc.constantFrom("COUNT" as const, "MONEY" as const, "MINUTES" as const), (amount, unit) => {
        expect(parseAmount(amountToInput(amount, unit, "GBP"), unit, "GBP")).toEqual({ ok: true, value: amount });
      }),
    );
  });
});

describe("formatAmount", () => {
  it("shows money from minor units, minutes and counts", () => {
    expect(formatAmount(1999, "MONEY", "GBP")).toBe("£19.99");
    expect(formatAmount(50_000, "MONEY", "GBP")).toBe("£500");
    expect(formatAmount(90, "MINUTES", "GBP")).toBe("90 min");
    expect(formatAmount(1234, "COUNT", "GBP")).toBe("1,234");
  });
});
