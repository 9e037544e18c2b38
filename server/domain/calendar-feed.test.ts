import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek, fromDayNumber, isoDateInTimeZone, toDayNumber } from "./calendar";
import { onOrAfterWeekday, reviewMeetingOf, skippedMeetingDays, zonedInstant } from "./calendar-feed";

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
      }),
    );
  });

  it("follows summer time: 18:30 in London is 18:30Z in winter and 17:30Z in summer", () => {
    expect(zonedInstant("2027-03-23", "18:30", "Europe/London").toISOString()).toBe("2027-03-23T18:30:00.000Z");
    expect(zonedInstant("2027-03-30", "18:30", "Europe/London").toISOString()).toBe("2027-03-30T17:30:00.000Z");
    expect(zonedInstant("2027-01-05", "09:00", "Pacific/Auckland").toISOString()).toBe("2027-01-04T20:00:00.000Z");
  });
});

describe("the meeting's days", () => {
  it("onOrAfterWeekday is the first such weekday within a week", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 6 }), (d, w) => {
        const first = onOrAfterWeekday(d, w);
        expect(dayOfWeek(first)).toBe(w);
        expect(first >= d && first <= addDays(d, 6)).toBe(true);
      }),
    );
  });

  it("skips exactly the closed days on the meeting's weekday inside the window", () => {
    fc.assert(
      fc.property(
        fc.array(day, { maxLength: 30 }),
        day,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 6 }),
        (closed, from, span, w) => {
          const to = addDays(from, span);
          const skipped = skippedMeetingDays({ weekday: w, closedDays: closed, from, to });
          expect(skipped).toEqual([...new Set(skipped)].sort());
          for (const d of closed) expect(skipped.includes(d)).toBe(d >= from && d <= to && dayOfWeek(d) === w);
          for (const d of skipped) expect(closed).toContain(d);
        },
      ),
    );
  });

  it("has a meeting only with a day and a valid time", () => {
    expect(reviewMeetingOf({ reviewWeekday: 2, reviewTime: "18:30", reviewMinutes: 45 })).toEqual({
      weekday: 2,
      time: "18:30",
      minutes: 45,
    });
    expect(reviewMeetingOf({ reviewWeekday: null, reviewTime: "18:30", reviewMinutes: 45 })).toBeNull();
    expect(reviewMeetingOf({ reviewWeekday: 2, reviewTime: null, reviewMinutes: 45 })).toBeNull();
    expect(reviewMeetingOf({ reviewWeekday: 2, reviewTime: "24:00", reviewMinutes: 45 })).toBeNull();
    expect(reviewMeetingOf({ reviewWeekday: 7, reviewTime: "10:00", reviewMinutes: 45 })).toBeNull();
  });
});
