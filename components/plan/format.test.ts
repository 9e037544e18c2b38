import { describe, expect, it } from "vitest";
import { formatDay, formatDayRange } from "./format";

describe("plan formatting", () => {
  it("writes a period as its first and last day, the year once when both share it", () => {
    expect(formatDay("2026-11-27")).toBe("27 Nov 2026");
    expect(formatDayRange("2026-11-30", "2026-12-06")).toBe("30 Nov – 6 Dec 2026");
    expect(formatDayRange("2026-12-28", "2027-01-03")).toBe("28 Dec 2026 – 3 Jan 2027");
    expect(formatDayRange("2026-12-01", "2026-12-01")).toBe("1 Dec 2026");
  });
});
