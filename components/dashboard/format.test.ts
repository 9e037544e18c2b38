import { describe, expect, it } from "vitest";
import { formatAmount } from "@/server/domain/money";
import { formatDigest } from "@/server/domain/format-digest";
import type { ReviewSnapshot } from "@/server/domain/review-snapshot";
import { DASHBOARD_AMOUNTS, formatDay, formatLongDay } from "./format";

describe("dashboard formatting", () => {
  it("shows money in whole units of the team currency, as the digest email does", () => {
    expect(formatAmount(5_000_000, "MONEY", "GBP", undefined, DASHBOARD_AMOUNTS)).toBe("£50,000");
    expect(formatAmount(2468, "MONEY", "JPY", undefined, DASHBOARD_AMOUNTS)).toBe("¥2,468");
    expect(formatAmount(55_600, "MONEY", "JPY", undefined, DASHBOARD_AMOUNTS)).toBe("¥55,600");
    expect(formatAmount(1234, "COUNT", "GBP", undefined, DASHBOARD_AMOUNTS)).toBe("1,234");
    const snapshot = {
      goal: { name: "Yen volume", metricName: "Volume", unit: "MONEY", deadline: "2027-04-30" },
      root: { name: "Aiko" },
      week: { from: "2027-03-08", to: "2027-03-14" },
      nextWeekStart: "2027-03-15",
      scoreboard: {
        weekActual: 2468,
        weekTarget: 55_600,
        weekStatus: "behind",
        goalActual: 2468,
        goalExpected: 55_600,
        goalShare: 500_000,
        goalStatus: "behind",
        forecast: null,
        catchUpPerWeek: 0,
        onPace: 0,
        offPace: 1,
      },
      offPace: [],
      wins: [],
      commitments: [],
    } as unknown as ReviewSnapshot;
    const text = formatDigest(snapshot, { teamName: "Tokyo", currency: "JPY" }).text;
    expect(text).toContain(
      `Last week: ${formatAmount(2468, "MONEY", "JPY", undefined, DASHBOARD_AMOUNTS)} of ¥55,600 planned`,
    );
  });

  it("formats calendar days without shifting them by time zone", () => {
    expect(formatDay("2026-11-23")).toBe("23 Nov");
    expect(formatLongDay("2026-11-23")).toBe("Mon, 23 Nov 2026");
  });
});
