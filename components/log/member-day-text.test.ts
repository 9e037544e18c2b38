import { describe, expect, it } from "vitest";
import { nextPlanText, restDayTitle, zoneNote, zonePlace } from "./member-day-text";

describe("zonePlace", () => {
  it("says a zone as its place", () => {
    expect(zonePlace("America/New_York")).toBe("New York");
    expect(zonePlace("Europe/London")).toBe("London");
    expect(zonePlace("America/Argentina/Buenos_Aires")).toBe("Buenos Aires");
    expect(zonePlace("UTC")).toBe("UTC");
  });
});

describe("zoneNote", () => {
  it("says where the member's day is counted only when their zone is not the team's", () => {
    expect(zoneNote({ today: "2027-03-15", timeZone: "America/New_York", teamTimeZone: "Europe/London" })).toBe(
      "Your day: Mon 15 Mar (New York) · team weeks run on London time",
    );
    expect(zoneNote({ today: "2027-03-15", timeZone: "Europe/London", teamTimeZone: "Europe/London" })).toBeNull();
  });
});

describe("rest-day words", () => {
  it("names a rest weekday, a team holiday and a day off", () => {
    expect(restDayTitle({ reason: { kind: "rest_weekday" } }, "2027-03-14", "North Star Collective")).toBe(
      "Sunday is a rest day for North Star Collective",
    );
    expect(restDayTitle({ reason: { kind: "holiday", name: "Christmas Day" } }, "2026-12-25", "North Star")).toBe(
      "25 Dec: Christmas Day — a team holiday",
    );
    expect(restDayTitle({ reason: { kind: "day_off", dayOff: "HOLIDAY" } }, "2027-03-17", "North Star")).toBe(
      "You're off today",
    );
    expect(restDayTitle({ reason: { kind: "day_off", dayOff: "SICK" } }, "2027-03-17", "North Star")).toBe(
      "You're off sick today",
    );
  });

  it("gives the next open day's plan by weekday within a week, by date further out", () => {
    const plan = [
      { metricId: "c", name: "Calls", unit: "COUNT", planned: 6 },
      { metricId: "v", name: "Team volume", unit: "MONEY", planned: 12_000 },
    ];
    expect(nextPlanText({ nextOpenDay: "2027-03-15", nextPlan: plan }, "2027-03-14", "GBP")).toBe(
      "Monday's plan: 6 calls, £120 team volume.",
    );
    expect(nextPlanText({ nextOpenDay: "2027-03-29", nextPlan: plan }, "2027-03-14", "GBP")).toBe(
      "The plan for Mon 29 Mar: 6 calls, £120 team volume.",
    );
    expect(nextPlanText({ nextOpenDay: "2027-03-15", nextPlan: [] }, "2027-03-14", "GBP")).toBe(
      "Nothing planned for Monday yet.",
    );
    expect(nextPlanText({ nextOpenDay: null, nextPlan: [] }, "2027-03-14", "GBP")).toBeNull();
  });
});
