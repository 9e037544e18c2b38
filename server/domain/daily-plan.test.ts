import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, countWorkingDays, dayOfWeek } from "./calendar";
import { buildDailyPlan, frontSpread, minutesForResult, smallerTargetThatFits, type ActionRequirement } from "./daily-plan";
import { PlanningError } from "./errors";
import type { FunnelInput } from "./funnel";
import { dateArb, workingDaysArb } from "./test-arbitraries";

const weekdays = [1, 2, 3, 4, 5];
/** 1 sponsor ← 10 presentations ← 30 contacts, over two working weeks. */
const seedActions: ActionRequirement[] = [
  { key: "presentations", label: "Give a presentation", remaining: 10, minutesPerAction: 45, priority: 2 },
  { key: "contacts", label: "Contact someone new", remaining: 30, minutesPerAction: 10, priority: 1 },
  { key: "follow-ups", label: "Follow up", remaining: 15, minutesPerAction: 5 },
];

describe("daily plan examples", () => {
  it("spreads 30 contacts and 10 presentations over the 10 working days left", () => {
    const plan = buildDailyPlan({ today: "2026-12-01", deadline: "2026-12-14", workingDays: weekdays, actions: seedActions, minutesPerDay: 120 });
    expect(plan.days.map((d) => d.date)).toEqual([
      "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07",
      "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-14",
    ]);
    expect(plan.today!.actions).toEqual([
      { key: "presentations", label: "Give a presentation", count: 1, minutes: 45 },
      { key: "contacts", label: "Contact someone new", count: 3, minutes: 30 },
      { key: "follow-ups", label: "Follow up", count: 2, minutes: 10 },
    ]);
    expect(plan.chosen).toEqual(["presentations", "contacts", "follow-ups"]);
    // 450 + 300 + 75 = 825 minutes needed; 120 × 10 = 1,200 available.
    expect(plan.timeCheck).toMatchObject({ neededMinutes: 825, availableMinutes: 1200, fits: true, overByMinutes: 0, laterDeadline: null, fitFraction: 1 });
  });

  it("says by how much it does not fit, the later deadline that would, and the smaller target that would", () => {
    const plan = buildDailyPlan({ today: "2026-12-01", deadline: "2026-12-14", workingDays: weekdays, actions: seedActions, minutesPerDay: 60 });
    expect(plan.timeCheck).toMatchObject({
      neededMinutes: 825,
      availableMinutes: 600,
      fits: false,
      overByMinutes: 225,
      overByMinutesPerDay: 23,
      minutesPerDayNeeded: 83,
      laterDeadline: "2026-12-18", // 825 / 60 → 14 working days from Tue 1 Dec
    });
    expect(plan.timeCheck.fitFraction).toBeCloseTo(600 / 825, 12);

    const funnel: FunnelInput = {
      target: 2,
      stages: [
        { key: "contacts", defaultRate: 1 / 3 },
        { key: "presentations", defaultRate: 0.1 },
      ],
    };
    // 2 sponsors need 60 contacts (600 min) + 20 presentations (900 min); 4 done already and 600 minutes available.
    const input = { funnel, done: { contacts: 4 }, minutesPerAction: { contacts: 10, presentations: 45 }, availableMinutes: 600 };
    expect(minutesForResult(input, 2)).toBe(560 + 900);
    expect(smallerTargetThatFits(input)).toEqual({ target: 0, minutes: 0 });
    expect(smallerTargetThatFits({ ...input, availableMinutes: 800 })).toEqual({ target: 1, minutes: 260 + 450 });
  });

  it("keeps at most five kinds of action, the most important first", () => {
    const actions = Array.from({ length: 7 }, (_, i): ActionRequirement => ({ key: `a${i}`, remaining: 5, minutesPerAction: 1, priority: i }));
    const plan = buildDailyPlan({ today: "2026-12-01", deadline: "2026-12-07", workingDays: weekdays, actions, minutesPerDay: 60 });
    expect(plan.chosen).toEqual(["a6", "a5", "a4", "a3", "a2"]);
    expect(plan.omitted).toEqual(["a1", "a0"]);
    expect(plan.timeCheck.neededMinutes).toBe(35); // omitted actions still count
    expect(plan.days.every((d) => d.actions.length <= 5)).toBe(true);
  });

  it("has no today on a weekend, and nothing left after the deadline", () => {
    const weekend = buildDailyPlan({ today: "2026-12-05", deadline: "2026-12-08", workingDays: weekdays, actions: seedActions, minutesPerDay: 600 });
    expect(weekend.today).toBeNull();
    expect(weekend.days[0]!.date).toBe("2026-12-07");
    const late = buildDailyPlan({ today: "2026-12-15", deadline: "2026-12-14", workingDays: weekdays, actions: seedActions, minutesPerDay: 60 });
    expect(late.days).toEqual([]);
    expect(late.timeCheck.fits).toBe(false);
    expect(late.timeCheck.minutesPerDayNeeded).toBeNull();
  });

  it("rejects bad input", () => {
    const base = { today: "2026-12-01", deadline: "2026-12-14", workingDays: weekdays, actions: seedActions, minutesPerDay: 60 };
    expect(() => buildDailyPlan({ ...base, minutesPerDay: -5 })).toThrow(PlanningError);
    expect(() => buildDailyPlan({ ...base, actions: [{ key: "a", remaining: 1.5, minutesPerAction: 1 }] })).toThrow(PlanningError);
    expect(() => buildDailyPlan({ ...base, actions: [seedActions[0]!, seedActions[0]!] })).toThrow(/appears twice/);
    expect(() => buildDailyPlan({ ...base, maxActionsPerDay: 0 })).toThrow(PlanningError);
  });
});

const actionsArb = fc.uniqueArray(
  fc.record({ key: fc.constantFrom("a", "b", "c", "d", "e", "f", "g"), remaining: fc.nat({ max: 200 }), minutesPerAction: fc.integer({ min: 0, max: 60 }), priority: fc.integer({ min: 0, max: 3 }) }),
  { maxLength: 7, selector: (a) => a.key },
);

describe("daily plan properties", () => {
  it("counts are whole, sum exactly to what remains, fall on working days only, and differ by at most one", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), workingDaysArb, actionsArb, fc.nat({ max: 600 }), (today, len, wd, actions, minutesPerDay) => {
        const deadline = addDays(today, len);
        const plan = buildDailyPlan({ today, deadline, workingDays: wd, actions, minutesPerDay });
        expect(plan.days).toHaveLength(countWorkingDays(today, deadline, wd));
        for (const d of plan.days) {
          expect(wd).toContain(dayOfWeek(d.date));
          expect(d.actions.length).toBeLessThanOrEqual(5);
          expect(d.minutes).toBe(d.actions.reduce((s, a) => s + a.minutes, 0));
        }
        for (const key of plan.chosen) {
          const a = actions.find((x) => x.key === key)!;
          const counts = plan.days.map((d) => d.actions.find((x) => x.key === key)?.count ?? 0);
          if (plan.days.length > 0) {
            expect(counts.reduce((s, c) => s + c, 0)).toBe(a.remaining);
            expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          }
        }
        expect(plan.chosen.length + plan.omitted.length).toBe(actions.filter((a) => a.remaining > 0).length);
      }),
    );
  });

  it("the later deadline is the earliest date that fits at the available minutes", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 30 }), workingDaysArb, actionsArb, fc.integer({ min: 1, max: 300 }), (today, len, wd, actions, minutesPerDay) => {
        const plan = buildDailyPlan({ today, deadline: addDays(today, len), workingDays: wd, actions, minutesPerDay });
        const tc = plan.timeCheck;
        expect(tc.fits).toBe(tc.neededMinutes <= tc.availableMinutes);
        if (tc.fits) {
          expect(tc.laterDeadline).toBeNull();
          return;
        }
        const later = tc.laterDeadline!;
        expect(later > addDays(today, len)).toBe(true);
        expect(countWorkingDays(today, later, wd) * minutesPerDay).toBeGreaterThanOrEqual(tc.neededMinutes);
        expect(countWorkingDays(today, addDays(later, -1), wd) * minutesPerDay).toBeLessThan(tc.neededMinutes);
      }),
    );
  });

  it("the smaller target is the largest one that fits", () => {
    fc.assert(
      fc.property(fc.nat({ max: 50 }), fc.nat({ max: 5000 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (target, available, m1, m2) => {
        const input = {
          funnel: { target, stages: [{ key: "contacts", defaultRate: 1 / 3 }, { key: "presentations", defaultRate: 0.1 }] },
          minutesPerAction: { contacts: m1, presentations: m2 },
          availableMinutes: available,
        };
        const { target: t, minutes } = smallerTargetThatFits(input);
        expect(minutes).toBeLessThanOrEqual(available);
        expect(t).toBeLessThanOrEqual(target);
        if (t < target) expect(minutesForResult(input, t + 1)).toBeGreaterThan(available);
      }),
    );
  });

  it("frontSpread: exact, differs by at most one, extras first", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: 400 }), (total, n) => {
        const parts = frontSpread(total, n);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        expect(parts[0]).toBe(Math.ceil(total / n));
      }),
    );
  });
});
