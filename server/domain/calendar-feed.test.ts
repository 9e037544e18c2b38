import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from "./calendar";
import { onOrAfterWeekday, reviewMeetingOf, skippedMeetingDays } from "./calendar-feed";

const day = fc.integer({ min: toDayNumber("2024-01-01"), max: toDayNumber("2030-12-31") }).map(fromDayNumber);

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
