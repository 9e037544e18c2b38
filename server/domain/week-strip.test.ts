import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import { planMet, weekStrip, withPendingToday } from "./week-strip";

// Wednesday 25 Nov 2026; the team's week starts on Monday 23 Nov; Thursday 26 is a holiday.
const today = "2026-11-25";
const calendar = { workingDays: [1, 2, 3, 4, 5], closedDays: ["2026-11-26"] };
const metrics = [
  { id: "calls", unit: "COUNT" },
  { id: "talks", unit: "COUNT" },
  { id: "sales", unit: "MONEY" },
];

function strip(
  totals: Record<string, Record<string, number>>,
  planned: Record<string, number>,
  metDays: string[] = [],
) {
  return weekStrip({
    today,
    weekStartsOn: 1,
    calendar,
    metrics,
    planned: new Map(Object.entries(planned)),
    total: (id, day) => totals[id]?.[day] ?? 0,
    metDays: new Set(metDays),
  });
}

describe("weekStrip", () => {
  it("measures each working day against today's plan, marks met days, skips money in the count and closes the holiday", () => {
    const week = strip(
      {
        calls: { "2026-11-23": 10, "2026-11-24": 3, [today]: 4, "2026-11-26": 2 },
        talks: { [today]: 1 },
        sales: { [today]: 5_000 },
      },
      { calls: 4, talks: 2 },
      ["2026-11-23"],
    );
    expect(week.map((d) => d.day)).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
      "2026-11-28",
      "2026-11-29",
    ]);
    expect(week[0]).toMatchObject({
      isToday: false,
      isFuture: false,
      isWorkingDay: true,
      percent: 66,
      met: true,
      logged: 10,
    });
    expect(week[1]).toMatchObject({ percent: 50, met: false, logged: 3 });
    expect(week[2]).toMatchObject({ isToday: true, percent: 83, met: false, logged: 5 });
    expect(week[3]).toMatchObject({ isFuture: true, isWorkingDay: false, percent: null, logged: 2 });
    expect(week[5]).toMatchObject({ isWorkingDay: false, percent: null, logged: 0 });
  });

  it("today is met when every planned action is done, without a recorded victory", () => {
    const week = strip({ calls: { [today]: 4 }, talks: { [today]: 2 } }, { calls: 4, talks: 2 });
    expect(week.find((d) => d.isToday)).toMatchObject({ met: true, percent: 100 });
    expect(week.find((d) => d.day === "2026-11-24")).toMatchObject({ met: false, percent: 0 });
    expect(strip({}, {}).every((d) => d.percent === null && !d.met)).toBe(true);
  });
});

describe("withPendingToday", () => {
  it("with nothing pending is the server's strip", () => {
    const week = strip({ calls: { [today]: 1 } }, { calls: 4 });
    expect(withPendingToday(week, [{ metricId: "calls", unit: "COUNT", planned: 4, done: 1 }], new Map())).toEqual(
      week,
    );
  });

  it("equals the server's strip had the pending taps already been stored (the browser and the server share the rule)", () => {
    const amount = fc.integer({ min: 0, max: 12 });
    fc.assert(
      fc.property(
        fc.record({ calls: amount, talks: amount, sales: amount }),
        fc.record({ calls: amount, talks: amount, sales: amount }),
        fc.record({ calls: fc.integer({ min: 0, max: 6 }), talks: fc.integer({ min: 0, max: 6 }) }),
        fc.boolean(),
        fc.constantFrom(today, "2026-11-26", "2026-11-28"),
        (stored, pendingAmounts, plannedAmounts, recorded, shownToday) => {
          const day = shownToday;
          const planned = Object.fromEntries(Object.entries(plannedAmounts).filter(([, p]) => p > 0));
          const pending = new Map(Object.entries(pendingAmounts).filter(([, a]) => a > 0));
          const totals = (extra: Record<string, number>) =>
            Object.fromEntries(
              metrics.map((m) => [
                m.id,
                { [day]: (stored[m.id as keyof typeof stored] ?? 0) + (extra[m.id] ?? 0), [addDays(day, -1)]: 1 },
              ]),
            );
          const at = (t: Record<string, Record<string, number>>) =>
            weekStrip({
              today: day,
              weekStartsOn: 1,
              calendar,
              metrics,
              planned: new Map(Object.entries(planned)),
              total: (id, d) => t[id]?.[d] ?? 0,
              metDays: new Set(recorded ? [day] : []),
            });
          const actions = metrics.map((m) => ({
            metricId: m.id,
            unit: m.unit,
            planned: planned[m.id] ?? 0,
            done: stored[m.id as keyof typeof stored],
          }));
          expect(withPendingToday(at(totals({})), actions, pending)).toEqual(at(totals(Object.fromEntries(pending))));
        },
      ),
    );
  });

  it("planMet needs something planned", () => {
    expect(planMet([])).toBe(false);
    expect(
      planMet([
        { planned: 2, done: 2 },
        { planned: 1, done: 3 },
      ]),
    ).toBe(true);
    expect(planMet([{ planned: 2, done: 1 }])).toBe(false);
  });
});
