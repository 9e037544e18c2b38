import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount as digestFormat } from "@/server/services/review/format-digest";
import { formatAmount, formatDay, formatLongDay } from "./format";

describe("dashboard formatting", () => {
  it("formats money from minor units and counts, like the digest email", () => {
    expect(formatAmount(5_000_000, "MONEY", "GBP")).toBe("£50,000");
    expect(formatAmount(1234, "COUNT", "GBP")).toBe("1,234");
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.constantFrom("MONEY", "COUNT"),
        fc.constantFrom("GBP", "EUR", "USD"),
        (n, unit, currency) => {
          expect(formatAmount(n, unit, currency)).toBe(digestFormat(n, unit, currency));
        },
      ),
    );
  });

  it("formats calendar days without shifting them by time zone", () => {
    expect(formatDay("2026-11-23")).toBe("23 Nov");
    expect(formatLongDay("2026-11-23")).toBe("Mon, 23 Nov 2026");
  });
});
