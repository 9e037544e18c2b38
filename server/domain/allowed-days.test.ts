import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDates, isoDateInTimeZone, startOfPeriod } from "@/server/domain/calendar";
import { allowedDays, dayProblem, logWindow } from "./allowed-days";

const london = { timeZone: "Europe/London", weekStartsOn: 1, backdateDays: 6 };

describe("logWindow in the member's zone", () => {
  // Monday 23 Nov 2026, 8 pm in New York = 01:00 Tuesday 24 Nov in London.
  const mondayEveningNewYork = new Date("2026-11-24T01:00:00Z");

  it("a New York member of a London team at 8 pm Monday still logs Monday; the team's London day is Tuesday", () => {
    const member = logWindow(london, mondayEveningNewYork, "America/New_York");
    expect(member.today).toBe("2026-11-23");
    expect(dayProblem("2026-11-23", member)).toBeNull();
    expect(dayProblem("2026-11-24", member)).toMatch(/is in the future/);
    expect(logWindow(london, mondayEveningNewYork).today).toBe("2026-11-24");
  });

  it("counts the week from the member's today: on their Sunday evening the previous week stays open", () => {
    // Sunday 29 Nov 2026, 8 pm in New York = Monday 30 Nov, 01:00 in London (a new team week there).
    const w = logWindow(london, new Date("2026-11-30T01:00:00Z"), "America/New_York");
    expect(w).toEqual({ today: "2026-11-29", earliest: "2026-11-23" });
    expect(allowedDays(w)).toHaveLength(7);
  });

  it("for any instant and zones, today is the member's calendar day and the window stays inside its week", () => {
    const zones = [
      "Europe/London",
      "America/New_York",
      "Pacific/Auckland",
      "Asia/Kolkata",
      "America/Los_Angeles",
      "UTC",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse("2020-01-01T00:00:00Z"), max: Date.parse("2035-12-31T00:00:00Z") }),
        fc.constantFrom(...zones),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 10 }),
        (ms, teamZone, memberZone, weekStartsOn, backdateDays) => {
          const team = { timeZone: teamZone, weekStartsOn, backdateDays };
          const w = logWindow(team, new Date(ms), memberZone);
          expect(w.today).toBe(isoDateInTimeZone(ms, memberZone));
          expect(compareDates(w.earliest, startOfPeriod(w.today, "week", weekStartsOn))).toBeGreaterThanOrEqual(0);
          expect(compareDates(w.earliest, w.today)).toBeLessThanOrEqual(0);
          expect(dayProblem(w.today, w)).toBeNull();
        },
      ),
    );
  });
});
