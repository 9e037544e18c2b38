import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromDayNumber } from "./calendar";
import { toDbDay, toIsoDay } from "./db-day";

describe("db-day", () => {
  it("stores a day as midnight UTC and reads it back", () => {
    expect(toDbDay("2027-03-17").toISOString()).toBe("2027-03-17T00:00:00.000Z");
    expect(toIsoDay(new Date("2027-03-17T23:59:59.999Z"))).toBe("2027-03-17");
    expect(toIsoDay("2027-03-17")).toBe("2027-03-17");
  });

  it("round-trips every day from 1970 to 2100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 47_481 }), (n) => {
        const day = fromDayNumber(n);
        expect(toIsoDay(toDbDay(day))).toBe(day);
      }),
    );
  });
});
