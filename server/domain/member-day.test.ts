import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysInRange, isOpenDay, type IsoDate } from "./calendar";
import { memberDayStatus, memberWorkCalendar, restReason, type MemberCalendar } from "./member-day";
import { dateArb, workingDaysArb } from "./test-arbitraries";

const cal = (
  workingDays: number[],
  holidays: [IsoDate, string][] = [],
  daysOff: [IsoDate, string][] = [],
): MemberCalendar => ({
  workingDays,
  holidays: new Map(holidays),
  daysOff: new Map(daysOff),
});

/** A calendar around `around`: some holidays and days off within four weeks of it. */
const calendarArb = (around: IsoDate) =>
  fc
    .record({
      workingDays: workingDaysArb,
      holidays: fc.array(fc.integer({ min: -3, max: 28 }), { maxLength: 8 }),
      daysOff: fc.array(fc.tuple(fc.integer({ min: -3, max: 28 }), fc.constantFrom("HOLIDAY", "SICK", "OTHER")), {
        maxLength: 8,
      }),
    })
    .map(({ workingDays, holidays, daysOff }) =>
      cal(
        workingDays,
        holidays.map((d) => [addDays(around, d), `Holiday ${d}`]),
        daysOff.map(([d, kind]) => [addDays(around, d), kind]),
      ),
    );

describe("a member's day (examples)", () => {
  const monToFri = [1, 2, 3, 4, 5];
  it("names the one reason a day is closed: a holiday first, then the member's day off, then the rest weekday", () => {
    const c = cal(
      monToFri,
      [["2026-12-25", "Christmas Day"]],
      [
        ["2026-12-25", "SICK"],
        ["2026-12-23", "SICK"],
        ["2026-12-27", "HOLIDAY"],
      ],
    );
    expect(restReason("2026-12-24", c)).toBeNull(); // a Thursday
    expect(restReason("2026-12-25", c)).toEqual({ kind: "holiday", name: "Christmas Day" });
    expect(restReason("2026-12-23", c)).toEqual({ kind: "day_off", dayOff: "SICK" });
    expect(restReason("2026-12-26", c)).toEqual({ kind: "rest_weekday" }); // Saturday
    expect(restReason("2026-12-27", c)).toEqual({ kind: "day_off", dayOff: "HOLIDAY" }); // Sunday, and off
  });

  it("gives the next open day after a closed one, skipping holidays and days off", () => {
    const c = cal(monToFri, [["2026-12-28", "Bank holiday"]], [["2026-12-29", "HOLIDAY"]]);
    expect(memberDayStatus("2026-12-26", c)).toEqual({
      open: false,
      reason: { kind: "rest_weekday" },
      nextOpenDay: "2026-12-30",
    });
    expect(memberDayStatus("2026-12-30", c)).toEqual({ open: true });
  });

  it("has no next open day when none comes within a year", () => {
    const allOff = cal(
      [3],
      [],
      daysInRange("2027-03-17", "2028-03-20").map((d) => [d, "OTHER"]),
    );
    expect(memberDayStatus("2027-03-17", allOff)).toMatchObject({ open: false, nextOpenDay: null });
  });
});

describe("a member's day (properties)", () => {
  it("a day has no rest reason exactly when it is open on the member's WorkCalendar", () => {
    fc.assert(
      fc.property(
        dateArb.chain((around) => fc.tuple(fc.constant(around), calendarArb(around), fc.integer({ min: -3, max: 28 }))),
        ([around, c, offset]) => {
          const day = addDays(around, offset);
          expect(restReason(day, c) === null).toBe(isOpenDay(day, memberWorkCalendar(c)));
        },
      ),
    );
  });

  it("the next open day is open, later than today, and every day in between is closed", () => {
    fc.assert(
      fc.property(
        dateArb.chain((around) => fc.tuple(fc.constant(around), calendarArb(around))),
        ([today, c]) => {
          const status = memberDayStatus(today, c);
          if (status.open) return;
          const next = status.nextOpenDay!;
          expect(next > today).toBe(true);
          expect(restReason(next, c)).toBeNull();
          for (const d of daysInRange(addDays(today, 1), addDays(next, -1))) expect(restReason(d, c)).not.toBeNull();
        },
      ),
    );
  });

  it("a closed day's reason is the team's rest weekday only when it is neither a holiday nor a day off", () => {
    fc.assert(
      fc.property(
        dateArb.chain((around) => fc.tuple(fc.constant(around), calendarArb(around))),
        ([day, c]) => {
          const reason = restReason(day, c);
          if (reason?.kind === "rest_weekday") expect(c.holidays.has(day) || c.daysOff.has(day)).toBe(false);
          if (c.holidays.has(day)) expect(reason?.kind).toBe("holiday");
        },
      ),
    );
  });
});
