import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MetricUnit } from "@/server/domain/money";
import { amountLabel, commitmentInput, commitmentSchema } from "./commitment-amount";

/** The form's number field on its own: the amount, or the parser's message. */
function parseCommitmentAmount(text: string, unit: MetricUnit, currency: string) {
  const r = commitmentSchema(unit, currency).shape.amount.safeParse(text);
  return r.success ? { ok: true, amount: r.data } : { ok: false, error: r.error.issues[0]?.message };
}

describe("commitment amount", () => {
  it("reads the optional number in the goal's unit and currency", () => {
    expect(parseCommitmentAmount("150", "MONEY", "GBP")).toEqual({ ok: true, amount: 15000 });
    expect(parseCommitmentAmount("£1,250.5", "MONEY", "GBP")).toEqual({ ok: true, amount: 125050 });
    expect(parseCommitmentAmount("2,468", "MONEY", "JPY")).toEqual({ ok: true, amount: 2468 });
    expect(parseCommitmentAmount(" ", "MONEY", "GBP")).toEqual({ ok: true, amount: null });
    expect(parseCommitmentAmount("1.234", "MONEY", "GBP")).toEqual({
      ok: false,
      error: "Use at most 2 decimal places, like 12.50",
    });
    expect(parseCommitmentAmount("12.50", "MONEY", "JPY")).toEqual({
      ok: false,
      error: "Enter a whole amount, like 1,250",
    });
    expect(parseCommitmentAmount("-3", "COUNT", "GBP").ok).toBe(false);
    expect(parseCommitmentAmount("2.5", "COUNT", "GBP").ok).toBe(false);
    expect(parseCommitmentAmount("40", "COUNT", "GBP")).toEqual({ ok: true, amount: 40 });
    expect(commitmentInput(15000, "MONEY", "GBP")).toBe("150");
    expect(commitmentInput(125050, "MONEY", "GBP")).toBe("1250.50");
    expect(commitmentInput(2468, "MONEY", "JPY")).toBe("2468");
    expect(commitmentInput(null, "COUNT", "GBP")).toBe("");
    expect(parseCommitmentAmount("1000000001", "COUNT", "GBP").ok).toBe(false);
    expect(commitmentSchema("COUNT", "GBP").safeParse({ text: "  ", amount: "" }).error?.issues[0]?.message).toBe(
      "Write what you commit to",
    );
    expect(amountLabel("MONEY", "GBP", "Team volume")).toBe("Amount of team volume in £ (optional)");
    expect(amountLabel("MONEY", "JPY")).toBe("Amount in ¥ (optional)");
    expect(amountLabel("COUNT", "GBP")).toBe("Number (optional)");
  });

  it("round-trips every amount through the field", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom("MONEY" as const, "COUNT" as const),
        fc.constantFrom("GBP", "JPY", "BHD"),
        (amount, unit, currency) => {
          expect(parseCommitmentAmount(commitmentInput(amount, unit, currency), unit, currency)).toEqual({
            ok: true,
            amount,
          });
        },
      ),
    );
  });
});
