import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  countWorkingDays,
  dateWeeksBefore,
  dayOfWeek,
  daysInRange,
  diffDays,
  endOfPeriod,
  fromDayNumber,
  isIsoDate,
  isoDateInTimeZone,
  isWorkingDay,
  nthWorkingDay,
  periodsInRange,
  startOfPeriod,
  toDayNumber,
  weeksToGo,
  workingMask,
} from "./calendar";
import { PlanningError } from "./errors";
import { dateArb, workingDaysArb } from "./test-arbitraries";
import { toIsoDay } from "@/server/domain/db-day";

const MS_PER_DAY = 86_400_000;

describe("calendar examples", () => {
  it("numbers days from 1970-01-01 and knows the weekday", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(fromDayNumber(0)).toBe("1970-01-01");
    expect(dayOfWeek("1970-01-01")).toBe(4); // Thursday
    expect(dayOfWeek("2026-12-01")).toBe(2); // Tuesday
    expect(dayOfWeek("2026-12-31")).toBe(4);
  });

  it("validates calendar days", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-1-05")).toBe(false);
    expect(isIsoDate("2026-12-01T00:00:00Z")).toBe(false);
    expect(() => toDayNumber("2026-13-01", "deadline")).toThrow(PlanningError);
    expect(() => toDayNumber("2026-13-01", "deadline")).toThrow(/deadline must be a calendar day/);
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(diffDays("2026-12-01", "2026-12-31")).toBe(30);
    expect(daysInRange("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
  });

  it("counts weeks to go back from a deadline", () => {
    expect(dateWeeksBefore("2026-12-31", 1)).toBe("2026-12-24");
    expect(weeksToGo("2026-12-24", "2026-12-31")).toBe(1);
    expect(weeksToGo("2026-12-25", "2026-12-31")).toBe(0);
  });

  it("buckets weeks on the team's week start and months by the calendar", () => {
    expect(startOfPeriod("2026-12-03", "week", 1)).toBe("2026-11-30");
    expect(startOfPeriod("2026-12-03", "week", 0)).toBe("2026-11-29");
    expect(endOfPeriod("2026-12-03", "week", 1)).toBe("2026-12-06");
    expect(startOfPeriod("2026-12-03", "month")).toBe("2026-12-01");
    expect(endOfPeriod("2024-02-03", "month")).toBe("2024-02-29");
    expect(periodsInRange("2026-12-01", "2026-12-14", "week", 1).map((p) => [p.periodStart, p.periodEnd])).toEqual([
      ["2026-12-01", "2026-12-06"],
      ["2026-12-07", "2026-12-13"],
      ["2026-12-14", "2026-12-14"],
    ]);
  });

  it("knows working days", () => {
    expect(isWorkingDay("2026-12-05", [1, 2, 3, 4, 5])).toBe(false); // Saturday
    expect(countWorkingDays("2026-12-01", "2026-12-31", [1, 2, 3, 4, 5])).toBe(23);
    expect(nthWorkingDay("2026-12-04", 2, [1, 2, 3, 4, 5])).toBe("2026-12-07");
    expect(() => workingMask([])).toThrow(/at least one working day/);
    expect(() => workingMask([7])).toThrow(PlanningError);
  });

  it("finds a team's day in its time zone from an instant", () => {
    const instant = Date.UTC(2026, 2, 29, 0, 30); // 2026-03-29T00:30Z
    expect(isoDateInTimeZone(instant, "Europe/London")).toBe("2026-03-29");
    expect(isoDateInTimeZone(instant, "America/Los_Angeles")).toBe("2026-03-28");
    expect(isoDateInTimeZone(instant, "Pacific/Kiritimati")).toBe("2026-03-29");
    expect(() => isoDateInTimeZone(instant, "Mars/Olympus")).toThrow(PlanningError);
  });
});

describe("calendar properties", () => {
  it("day numbers agree with UTC Date arithmetic and round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (dn) => {
        const viaDate = new Date(dn * MS_PER_DAY);
        const iso = fromDayNumber(dn);
        expect(iso).toBe(toIsoDay(viaDate));
        expect(toDayNumber(iso)).toBe(dn);
        expect(dayOfWeek(iso)).toBe(viaDate.getUTCDay());
      }),
    );
  });

  it("counting and finding working days agree with walking day by day", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), workingDaysArb, (start, len, wd) => {
        const end = addDays(start, len);
        const walked = daysInRange(start, end).filter((d) => wd.includes(dayOfWeek(d)));
        expect(countWorkingDays(start, end, wd)).toBe(walked.length);
        if (walked.length > 0) expect(nthWorkingDay(start, walked.length, wd)).toBe(walked[walked.length - 1]);
      }),
    );
  });

  it("periods tile the range without gaps, and weeks start on the week-start day", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom("day", "week", "month" as const),
        fc.integer({ min: 0, max: 6 }),
        (start, len, period, ws) => {
          const end = addDays(start, len);
          const buckets = periodsInRange(start, end, period, ws);
          expect(buckets[0]!.periodStart).toBe(start);
          expect(buckets[buckets.length - 1]!.periodEnd).toBe(end);
          for (let i = 1; i < buckets.length; i++) {
            expect(addDays(buckets[i - 1]!.periodEnd, 1)).toBe(buckets[i]!.periodStart);
            if (period === "week") expect(dayOfWeek(buckets[i]!.periodStart)).toBe(ws);
            if (period === "month") expect(buckets[i]!.periodStart.endsWith("-01")).toBe(true);
          }
        },
      ),
    );
  });
});
