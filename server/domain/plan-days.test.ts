import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import { planDayRecords } from "./plan-days";

describe("planDayRecords", () => {
  it("plans every day from the first plan-done day to today; today counts as done only when met now", () => {
    expect(planDayRecords({ doneDays: ["2026-11-23", "2026-11-21"], today: "2026-11-24", todayMet: false })).toEqual([
      { date: "2026-11-21", planned: 1, done: 1 },
      { date: "2026-11-22", planned: 1, done: 0 },
      { date: "2026-11-23", planned: 1, done: 1 },
      { date: "2026-11-24", planned: 1, done: 0 },
    ]);
    // No plan done before: only today, and a victory recorded for today is read from `todayMet`.
    expect(planDayRecords({ doneDays: ["2026-11-24"], today: "2026-11-24", todayMet: true })).toEqual([
      { date: "2026-11-24", planned: 1, done: 1 },
    ]);
  });

  it("for any done days: one record a day up to today, done exactly on the earlier done days (and today when met)", () => {
    const today = "2026-11-24";
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -30, max: 5 }), { maxLength: 10 }),
        fc.boolean(),
        (offsets, todayMet) => {
          const doneDays = offsets.map((o) => addDays(today, o));
          const records = planDayRecords({ doneDays, today, todayMet });
          expect(records.at(-1)).toEqual({ date: today, planned: 1, done: todayMet ? 1 : 0 });
          const earlier = new Set(doneDays.filter((d) => d < today));
          for (const r of records.slice(0, -1)) expect(r.done).toBe(earlier.has(r.date) ? 1 : 0);
          expect(records[0]!.date).toBe([...earlier].sort()[0] ?? today);
          records.forEach((r, i) => i > 0 && expect(r.date).toBe(addDays(records[i - 1]!.date, 1)));
        },
      ),
    );
  });
});
