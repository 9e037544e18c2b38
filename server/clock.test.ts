import { afterEach, describe, expect, it, vi } from "vitest";
import {
  assertClockAllowed,
  memberTimeZone,
  memberToday,
  nowMs,
  parseInstant,
  pinClock,
  resetClock,
  teamToday,
  todayIn,
} from "./clock";

afterEach(() => {
  resetClock();
  vi.useRealTimers();
});

describe("clock", () => {
  it("ticks from a pinned instant, or stays frozen when asked", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2026-12-06T06:00:00Z"));
    pinClock("2027-03-17T09:30:00Z");
    expect(new Date(nowMs()).toISOString()).toBe("2027-03-17T09:30:00.000Z");
    vi.setSystemTime(Date.parse("2026-12-06T06:01:30Z"));
    expect(new Date(nowMs()).toISOString()).toBe("2027-03-17T09:31:30.000Z");

    pinClock("2027-03-17T09:30:00Z", { frozen: true });
    vi.setSystemTime(Date.parse("2026-12-06T07:00:00Z"));
    expect(new Date(nowMs()).toISOString()).toBe("2027-03-17T09:30:00.000Z");
  });

  it("gives the day in a team's zone and in a member's own zone", () => {
    // 01:00 Tuesday in London is 20:00 Monday in New York and 14:00 Tuesday in Auckland.
    pinClock("2027-03-16T01:00:00Z", { frozen: true });
    const team = { timeZone: "Europe/London" };
    expect(teamToday(team)).toBe("2027-03-16");
    expect(memberToday({ timeZone: "America/New_York" }, team)).toBe("2027-03-15");
    expect(memberToday({ timeZone: null }, team)).toBe("2027-03-16");
    expect(memberTimeZone({}, team)).toBe("Europe/London");
    expect(todayIn("Pacific/Auckland")).toBe("2027-03-16");
  });

  it("reads only instants with a zone, with a clear error", () => {
    expect(parseInstant("2027-03-17T09:30:00Z")).toBe(Date.UTC(2027, 2, 17, 9, 30));
    expect(parseInstant("2027-03-17T22:30:00+13:00")).toBe(Date.UTC(2027, 2, 17, 9, 30));
    for (const bad of ["2027-03-17", "2027-03-17T09:30:00", "tomorrow", "2027-13-01T00:00:00Z", ""]) {
      expect(() => parseInstant(bad)).toThrow(/is not an instant/);
    }
  });

  it("refuses a pinned clock in production unless it is the demo or a test server", () => {
    const pinned = { BACKPLAN_NOW: "2027-03-17T09:30:00Z" };
    expect(() => assertClockAllowed({ ...pinned, NODE_ENV: "production" })).toThrow(
      /BACKPLAN_NOW is set in production/,
    );
    expect(() => assertClockAllowed({ ...pinned, NODE_ENV: "production", BACKPLAN_DEMO: "1" })).not.toThrow();
    expect(() => assertClockAllowed({ ...pinned, NODE_ENV: "production", BACKPLAN_TEST: "1" })).not.toThrow();
    expect(() => assertClockAllowed({ ...pinned, NODE_ENV: "development" })).not.toThrow();
    expect(() => assertClockAllowed({ NODE_ENV: "production" })).not.toThrow();
    expect(() => assertClockAllowed({ BACKPLAN_NOW: "soon", NODE_ENV: "test" })).toThrow(/is not an instant/);
  });
});
