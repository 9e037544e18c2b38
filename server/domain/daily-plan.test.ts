import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, countOpenDays, countWorkingDays, dayOfWeek } from "./calendar";
import { buildDailyPlan, type ActionRequirement, type DailyPlanInput } from "./daily-plan";
import { PlanningError } from "./errors";
import { dateArb, workingDaysArb } from "./test-arbitraries";

const weekdays = [1, 2, 3, 4, 5];
const everyDay = [0, 1, 2, 3, 4, 5, 6];
/** 1 sponsor ← 10 presentations ← 30 contacts, over two working weeks. */
const seedActions: ActionRequirement[] = [
  { key: "presentations", label: "Give a presentation", remaining: 10, minutesPerAction: 45, priority: 2 },
  { key: "contacts", label: "Contact someone new", remaining: 30, minutesPerAction: 10, priority: 1 },
  { key: "follow-ups", label: "Follow up", remaining: 15, minutesPerAction: 5 },
];

const countsOf = (plan: ReturnType<typeof buildDailyPlan>, key: string) =>
  plan.days.map((d) => d.actions.find((a) => a.key === key)?.count ?? 0);

describe("daily plan examples", () => {
  it("spreads 30 contacts and 10 presentations over the 10 working days left", () => {
    const plan = buildDailyPlan({
      today: "2026-12-01",
      deadline: "2026-12-14",
      workingDays: weekdays,
      actions: seedActions,
      minutesPerDay: 120,
    });
    expect(plan.days.map((d) => d.date)).toEqual([
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
      "2026-12-10",
      "2026-12-11",
      "2026-12-14",
    ]);
    expect(plan.today!.actions).toEqual([
      { key: "presentations", label: "Give a presentation", count: 1, minutes: 45 },
      { key: "contacts", label: "Contact someone new", count: 3, minutes: 30 },
      { key: "follow-ups", label: "Follow up", count: 2, minutes: 10 },
    ]);
    expect(countsOf(plan, "follow-ups")).toEqual([2, 1, 2, 1, 2, 1, 2, 1, 2, 1]); // 15 over 10: 1 or 2, never 3
    expect(plan.chosen).toEqual(["presentations", "contacts", "follow-ups"]);
    // 450 + 300 + 75 = 825 minutes needed; the busiest day is 45 + 30 + 10 = 85 of 120.
    expect(plan.timeCheck).toMatchObject({
      neededMinutes: 825,
      availableMinutes: 1200,
      fits: true,
      busiestDayMinutes: 85,
      typicalDayMinutes: 80,
      minutesPerDayNeeded: 85,
      overByMinutes: 0,
      laterDeadline: null,
      fitFraction: 1,
    });
  });

  it("the issue's plan: 5 deals over an 8-week, 7-day plan are 1 on 5 evenly spaced days and 0 on the others", () => {
    const input: DailyPlanInput = {
      today: "2027-03-01",
      deadline: "2027-04-25", // 56 days, every day a working day
      workingDays: everyDay,
      minutesPerDay: 60,
      actions: [
        { key: "calls", label: "Calls", remaining: 280, minutesPerAction: 5 },
        { key: "presentations", label: "Presentations", remaining: 40, minutesPerAction: 30 },
        { key: "deals", label: "Deals won", remaining: 5, minutesPerAction: 60 },
      ],
    };
    const plan = buildDailyPlan(input);
    expect(plan.days).toHaveLength(56);
    const deals = countsOf(plan, "deals");
    expect(deals.filter((c) => c === 1)).toHaveLength(5);
    expect(deals.filter((c) => c === 0)).toHaveLength(51);
    const dealDays = deals.flatMap((c, i) => (c > 0 ? [i] : []));
    const gaps = dealDays.slice(1).map((d, i) => d - dealDays[i]!);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1); // 56 / 5 = 11.2 days apart
    expect(plan.days.every((d) => d.actions.every((a) => a.count > 0))).toBe(true);

    // The time check is the busiest day (calls 25 + presentation 30 + deal 60), not the 52-minute average.
    const tc = plan.timeCheck;
    expect(tc.neededMinutes).toBe(2900);
    expect(tc.busiestDayMinutes).toBe(Math.max(...plan.days.map((d) => d.minutes)));
    expect(tc.busiestDayMinutes).toBe(115);
    expect(tc.typicalDayMinutes).toBe(55);
    expect(tc.fits).toBe(false); // 2,900 ≤ 56 × 60 on average, but the busiest day does not fit in 60 minutes
    expect(tc.overByMinutesPerDay).toBe(55);
    expect(buildDailyPlan({ ...input, minutesPerDay: 115 }).timeCheck.fits).toBe(true);
  });

  it("rebuilt every day, a plan followed as planned asks for each deal once, never every day", () => {
    // The old plan put any remainder on today, and today's plan is rebuilt each day: "Deals won 1" every day.
    const start = "2027-03-01";
    const deadline = "2027-04-25";
    const required = { calls: 280, deals: 5 };
    const done = { calls: 0, deals: 0 };
    const asked = { calls: 0, deals: 0 };
    for (let day = 0; day < 56; day++) {
      const plan = buildDailyPlan({
        today: addDays(start, day),
        deadline,
        start,
        workingDays: everyDay,
        minutesPerDay: 120,
        actions: (["calls", "deals"] as const).map((key) => ({
          key,
          remaining: required[key] - done[key],
          done: done[key],
          minutesPerAction: 5,
        })),
      });
      for (const a of plan.today!.actions) {
        const key = a.key as keyof typeof done;
        done[key] += a.count;
        asked[key] += 1;
      }
    }
    expect(done).toEqual(required);
    expect(asked).toEqual({ calls: 56, deals: 5 });
  });

  it("says by how much the busiest day does not fit, and a later deadline that does", () => {
    const plan = buildDailyPlan({
      today: "2026-12-01",
      deadline: "2026-12-14",
      workingDays: weekdays,
      actions: seedActions,
      minutesPerDay: 60,
    });
    expect(plan.timeCheck).toMatchObject({
      neededMinutes: 825,
      availableMinutes: 600,
      fits: false,
      busiestDayMinutes: 85,
      overByMinutesPerDay: 25,
      overByMinutes: 5 * 25 + 5 * 20,
      minutesPerDayNeeded: 85,
      laterDeadline: "2026-12-28",
    });
    expect(plan.timeCheck.fitFraction).toBeCloseTo(600 / 825, 12);
    const later = (deadline: string) =>
      buildDailyPlan({ today: "2026-12-01", deadline, workingDays: weekdays, actions: seedActions, minutesPerDay: 60 });
    expect(later("2026-12-28").timeCheck.fits).toBe(true);
    expect(later("2026-12-25").timeCheck.fits).toBe(false);
  });

  it("keeps at most five kinds of action, the most important first", () => {
    const actions = Array.from({ length: 7 }, (_, i): ActionRequirement => ({
      key: `a${i}`,
      remaining: 5,
      minutesPerAction: 1,
      priority: i,
    }));
    const plan = buildDailyPlan({
      today: "2026-12-01",
      deadline: "2026-12-07",
      workingDays: weekdays,
      actions,
      minutesPerDay: 60,
    });
    expect(plan.chosen).toEqual(["a6", "a5", "a4", "a3", "a2"]);
    expect(plan.omitted).toEqual(["a1", "a0"]);
    expect(plan.timeCheck.neededMinutes).toBe(35); // omitted actions still count
    expect(plan.timeCheck.busiestDayMinutes).toBe(7);
    expect(plan.days.every((d) => d.actions.length <= 5)).toBe(true);
  });

  it("has no today on a weekend, and nothing left after the deadline", () => {
    const weekend = buildDailyPlan({
      today: "2026-12-05",
      deadline: "2026-12-08",
      workingDays: weekdays,
      actions: seedActions,
      minutesPerDay: 600,
    });
    expect(weekend.today).toBeNull();
    expect(weekend.days[0]!.date).toBe("2026-12-07");
    const late = buildDailyPlan({
      today: "2026-12-15",
      deadline: "2026-12-14",
      workingDays: weekdays,
      actions: seedActions,
      minutesPerDay: 60,
    });
    expect(late.days).toEqual([]);
    expect(late.timeCheck.fits).toBe(false);
    expect(late.timeCheck.minutesPerDayNeeded).toBeNull();
  });

  it("rejects bad input", () => {
    const base = {
      today: "2026-12-01",
      deadline: "2026-12-14",
      workingDays: weekdays,
      actions: seedActions,
      minutesPerDay: 60,
    };
    expect(() => buildDailyPlan({ ...base, minutesPerDay: -5 })).toThrow(PlanningError);
    expect(() => buildDailyPlan({ ...base, actions: [{ key: "a", remaining: 1.5, minutesPerAction: 1 }] })).toThrow(
      PlanningError,
    );
    expect(() =>
      buildDailyPlan({ ...base, actions: [{ key: "a", remaining: 1, done: -1, minutesPerAction: 1 }] }),
    ).toThrow(PlanningError);
    expect(() => buildDailyPlan({ ...base, actions: [seedActions[0]!, seedActions[0]!] })).toThrow(/appears twice/);
    expect(() => buildDailyPlan({ ...base, maxActionsPerDay: 0 })).toThrow(PlanningError);
  });
});

const actionsArb = fc.uniqueArray(
  fc.record({
    key: fc.constantFrom("a", "b", "c", "d", "e", "f", "g"),
    remaining: fc.oneof(fc.nat({ max: 10 }), fc.nat({ max: 200 })),
    done: fc.nat({ max: 100 }),
    minutesPerAction: fc.integer({ min: 0, max: 60 }),
    priority: fc.integer({ min: 0, max: 3 }),
  }),
  { maxLength: 7, selector: (a) => a.key },
);

/** A plan with a start up to 90 days back, closed days ahead, and random actions. */
const planArb = fc.record({
  today: dateArb,
  back: fc.option(fc.nat({ max: 90 }), { nil: undefined }),
  len: fc.integer({ min: 0, max: 60 }),
  workingDays: workingDaysArb,
  closed: fc.uniqueArray(fc.nat({ max: 60 }), { maxLength: 8 }),
  actions: actionsArb,
  minutesPerDay: fc.nat({ max: 600 }),
});

function toInput(p: typeof planArb extends fc.Arbitrary<infer T> ? T : never): DailyPlanInput {
  return {
    today: p.today,
    deadline: addDays(p.today, p.len),
    workingDays: p.workingDays,
    closedDays: p.closed.map((o) => addDays(p.today, o)),
    ...(p.back !== undefined ? { start: addDays(p.today, -p.back) } : {}),
    actions: p.actions,
    minutesPerDay: p.minutesPerDay,
  };
}

describe("daily plan properties", () => {
  it("whole counts ≥ 0 on open days only, summing exactly to what remains, running totals within 1 of the even spread", () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const input = toInput(p);
        const plan = buildDailyPlan(input);
        const n = countOpenDays(input.today, input.deadline, {
          workingDays: input.workingDays,
          closedDays: input.closedDays!,
        });
        expect(plan.days).toHaveLength(n);
        for (const d of plan.days) {
          expect(input.workingDays).toContain(dayOfWeek(d.date));
          expect(input.closedDays).not.toContain(d.date);
          expect(d.actions.length).toBeLessThanOrEqual(5);
          expect(d.actions.every((a) => Number.isInteger(a.count) && a.count > 0)).toBe(true);
          expect(d.minutes).toBe(d.actions.reduce((s, a) => s + a.minutes, 0));
        }
        for (const key of plan.chosen) {
          const k = input.actions.find((x) => x.key === key)!.remaining;
          const counts = countsOf(plan, key);
          if (n === 0) continue;
          expect(counts.reduce((s, c) => s + c, 0)).toBe(k);
          let running = 0;
          counts.forEach((c, i) => {
            running += c;
            expect(Math.abs(running - (k * (i + 1)) / n)).toBeLessThan(1);
          });
          // Needed fewer times than there are days: some days have none of it.
          if (k < n) expect(counts.filter((c) => c > 0)).toHaveLength(k);
        }
        expect(plan.chosen.length + plan.omitted.length).toBe(input.actions.filter((a) => a.remaining > 0).length);
      }),
    );
  });

  it("the time check's busiest day is at least every day's minutes, and fits exactly when it fits in the minutes a day", () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const input = toInput(p);
        const plan = buildDailyPlan({ ...input, maxActionsPerDay: 10 }); // every action listed: the days are the whole load
        const tc = plan.timeCheck;
        for (const d of plan.days) expect(tc.busiestDayMinutes).toBeGreaterThanOrEqual(d.minutes);
        expect(tc.busiestDayMinutes).toBe(plan.days.reduce((m, d) => Math.max(m, d.minutes), 0));
        expect(tc.typicalDayMinutes).toBeLessThanOrEqual(tc.busiestDayMinutes);
        if (plan.days.length > 0) {
          expect(tc.busiestDayMinutes * plan.days.length).toBeGreaterThanOrEqual(tc.neededMinutes);
          expect(tc.fits).toBe(tc.busiestDayMinutes <= input.minutesPerDay);
        }
        // With fewer kinds allowed a day, the omitted ones still weigh on the time check.
        expect(buildDailyPlan({ ...input, maxActionsPerDay: 1 }).timeCheck).toEqual(tc);
      }),
    );
  });

  it("the later deadline fits and the open day before it does not", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 1, max: 300 }), (p, minutesPerDay) => {
        const input = { ...toInput(p), minutesPerDay };
        const tc = buildDailyPlan(input).timeCheck;
        if (tc.fits || tc.laterDeadline === null) {
          if (tc.fits) expect(tc.laterDeadline).toBeNull();
          return;
        }
        const later = tc.laterDeadline;
        expect(later > input.deadline).toBe(true);
        expect(buildDailyPlan({ ...input, deadline: later }).timeCheck.fits).toBe(true);
        let before = addDays(later, -1);
        while (countOpenDays(before, before, { workingDays: input.workingDays, closedDays: input.closedDays! }) === 0)
          before = addDays(before, -1);
        if (before >= input.today) expect(buildDailyPlan({ ...input, deadline: before }).timeCheck.fits).toBe(false);
      }),
    );
  });

  it("followed day by day from the start, the plan does all that is needed and asks for a rare action only on its days", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 50 }),
        workingDaysArb,
        fc.array(fc.nat({ max: 80 }), { minLength: 1, maxLength: 4 }),
        (start, len, wd, required) => {
          const deadline = addDays(start, len);
          const n = countWorkingDays(start, deadline, wd);
          const done = required.map(() => 0);
          const asked = required.map(() => 0);
          for (let day = 0; day <= len; day++) {
            const plan = buildDailyPlan({
              today: addDays(start, day),
              deadline,
              start,
              workingDays: wd,
              minutesPerDay: 60,
              actions: required.map((r, i) => ({
                key: `a${i}`,
                remaining: r - done[i]!,
                done: done[i]!,
                minutesPerAction: 1,
              })),
            });
            for (const a of plan.today?.actions ?? []) {
              const i = Number(a.key.slice(1));
              done[i]! += a.count;
              asked[i]! += 1;
            }
          }
          if (n === 0) return;
          expect(done).toEqual(required);
          required.forEach((r, i) => expect(asked[i]).toBe(Math.min(r, n)));
        },
      ),
    );
  });
});
