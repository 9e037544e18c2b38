import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek } from "./calendar";
import { computeStreak, type DayRecord } from "./streaks";
import { dateArb, workingDaysArb } from "./test-arbitraries";

const weekdays = [1, 2, 3, 4, 5];

describe("streak examples", () => {
  // Mon 30 Nov … Fri 4 Dec 2026, then Mon 7 Dec.
  const days: DayRecord[] = [
    { date: "2026-11-30", planned: 3, done: 1 }, // missed
    { date: "2026-12-01", planned: 3, done: 3 },
    { date: "2026-12-02", planned: 3, done: 4 },
    { date: "2026-12-03", planned: 3, done: 3 },
    { date: "2026-12-04", planned: 3, done: 5 },
    { date: "2026-12-05", planned: 0, done: 2 }, // Saturday: neutral
    { date: "2026-12-07", planned: 3, done: 0 }, // today, not done yet
  ];

  it("counts met working days; a weekend does not break it; today not done yet does not either", () => {
    expect(computeStreak({ days, today: "2026-12-07", workingDays: weekdays })).toEqual({
      current: 4,
      best: 4,
      todayMet: false,
      lastMetDate: "2026-12-04",
    });
  });

  it("today counts once met; a missed day ends the streak but not the best", () => {
    const met = days.map((d) => (d.date === "2026-12-07" ? { ...d, done: 3 } : d));
    expect(computeStreak({ days: met, today: "2026-12-07", workingDays: weekdays })).toMatchObject({
      current: 5,
      best: 5,
      todayMet: true,
    });
    const missed = [
      ...days.slice(0, 6),
      { date: "2026-12-07", planned: 3, done: 1 },
      { date: "2026-12-08", planned: 3, done: 3 },
    ];
    expect(computeStreak({ days: missed, today: "2026-12-08", workingDays: weekdays })).toMatchObject({
      current: 1,
      best: 4,
    });
  });
});

describe("streak properties", () => {
  const historyArb = fc.record({
    start: dateArb,
    records: fc.array(fc.record({ planned: fc.nat({ max: 3 }), done: fc.nat({ max: 4 }) }), {
      minLength: 1,
      maxLength: 40,
    }),
    workingDays: workingDaysArb,
  });

  it("non-working days never change the streak, whatever was planned or done on them", () => {
    fc.assert(
      fc.property(historyArb, fc.nat({ max: 5 }), ({ start, records, workingDays }, noise) => {
        const days = records.map((r, i) => ({ date: addDays(start, i), ...r }));
        const today = days[days.length - 1]!.date;
        const onlyWorking = days.filter((d) => workingDays.includes(dayOfWeek(d.date)));
        const noisy = days.map((d) =>
          workingDays.includes(dayOfWeek(d.date)) ? d : { ...d, planned: noise, done: 0 },
        );
        const a = computeStreak({ days: onlyWorking, today, workingDays });
        expect(computeStreak({ days, today, workingDays })).toEqual(a);
        expect(computeStreak({ days: noisy, today, workingDays })).toEqual(a);
      }),
    );
  });

  it("today unmet is the same as today absent; meeting today adds exactly one", () => {
    fc.assert(
      fc.property(historyArb, ({ start, records, workingDays }) => {
        const days = records.map((r, i) => ({ date: addDays(start, i), ...r }));
        const today = addDays(start, records.length);
        const without = computeStreak({ days, today, workingDays });
        const unmet = computeStreak({ days: [...days, { date: today, planned: 2, done: 1 }], today, workingDays });
        expect(unmet.current).toBe(without.current);
        expect(unmet.best).toBe(without.best);
        const met = computeStreak({ days: [...days, { date: today, planned: 2, done: 2 }], today, workingDays });
        expect(met.current).toBe(workingDays.includes(dayOfWeek(today)) ? without.current + 1 : without.current);
        expect(met.best).toBeGreaterThanOrEqual(met.current);
      }),
    );
  });

  it("the current streak is the number of met planned working days since the last miss", () => {
    fc.assert(
      fc.property(historyArb, ({ start, records, workingDays }) => {
        const days = records.map((r, i) => ({ date: addDays(start, i), ...r }));
        const today = addDays(start, records.length + 1);
        const counted = days.filter((d) => workingDays.includes(dayOfWeek(d.date)) && d.planned > 0);
        let expected = 0;
        for (const d of counted) expected = d.done >= d.planned ? expected + 1 : 0;
        expect(computeStreak({ days, today, workingDays }).current).toBe(expected);
      }),
    );
  });
});
