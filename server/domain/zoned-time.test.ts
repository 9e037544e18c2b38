import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromDayNumber, isoDateInTimeZone, toDayNumber } from "./calendar-days";
import { hourInTimeZone, zonedInstant } from "./zoned-time";

describe("zoned time", () => {
  it("examples: a meeting's instant, across the clock changes", () => {
    expect(zonedInstant("2026-12-08", "18:30", "America/New_York").toISOString()).toBe("2026-12-08T23:30:00.000Z");
    expect(zonedInstant("2027-03-23", "18:30", "Europe/London").toISOString()).toBe("2027-03-23T18:30:00.000Z");
    expect(zonedInstant("2027-03-30", "18:30", "Europe/London").toISOString()).toBe("2027-03-30T17:30:00.000Z");
    // 02:30 does not exist on the spring-forward night: an hour later.
    expect(zonedInstant("2027-03-14", "02:30", "America/New_York").toISOString()).toBe("2027-03-14T07:30:00.000Z");
    expect(hourInTimeZone(Date.UTC(2026, 6, 1, 12), "Europe/London")).toBe(13);
    expect(hourInTimeZone(Date.UTC(2026, 6, 1, 23, 30), "Asia/Tokyo")).toBe(8);
    expect(() => hourInTimeZone(0, "Mars/Olympus")).toThrow(RangeError);
  });
});

const ZONES = ["Europe/London", "America/New_York", "Pacific/Auckland", "Asia/Kolkata", "UTC", "Australia/Lord_Howe"];
const day = fc.integer({ min: toDayNumber("2024-01-01"), max: toDayNumber("2030-12-31") }).map(fromDayNumber);
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

/** The wall clock an instant shows in a zone, "HH:MM". */
const wallTime = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);

describe("zonedInstant", () => {
  it("gives the instant that shows that day and time in the zone (away from clock changes)", () => {
    fc.assert(
      fc.property(day, time, fc.constantFrom(...ZONES), (d, t, zone) => {
        const at = zonedInstant(d, t, zone);
        const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
        const shift = minutes(wallTime(at, zone)) - minutes(t);
        // Every wall time comes back as it went in, except one in a spring-forward gap: it does not exist, and
        // comes back up to an hour later (as calendars show it).
        if (shift === 0) expect(isoDateInTimeZone(at.getTime(), zone)).toBe(d);
        else expect(shift > 0 && shift <= 60).toBe(true);
        expect(hourInTimeZone(at.getTime(), zone)).toBe(Number(wallTime(at, zone).slice(0, 2)));
      }),
    );
  });

  it("follows summer time: 18:30 in London is 18:30Z in winter and 17:30Z in summer", () => {
    expect(zonedInstant("2027-03-23", "18:30", "Europe/London").toISOString()).toBe("2027-03-23T18:30:00.000Z");
    expect(zonedInstant("2027-03-30", "18:30", "Europe/London").toISOString()).toBe("2027-03-30T17:30:00.000Z");
    expect(zonedInstant("2027-01-05", "09:00", "Pacific/Auckland").toISOString()).toBe("2027-01-04T20:00:00.000Z");
  });
});
