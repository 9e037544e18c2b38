/**
 * Closed days (team holidays, a member's days off) across the domain: a closed day behaves exactly like a weekday the
 * team does not work — in counting, phasing, the daily plan, pace and streaks — totals still add up exactly, and
 * nothing is ever planned on a closed day. The strongest check: closing every Wednesday of a range gives exactly the
 * result of a team that does not work on Wednesdays.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  closedReason,
  countOpenDays,
  dayOfWeek,
  daysInRange,
  isOpenDay,
  isWorkingDay,
  nextOpenDay,
  nthOpenDay,
  type IsoDate,
} from "./calendar";
import { buildDailyPlan, LATER_DEADLINE_SEARCH_DAYS, type ActionRequirement } from "./daily-plan";
import { PlanningError } from "./errors";
import { assessPace } from "./pace";
import { phasePlan, type Curve, type PhasedPlan } from "./phasing";
import { computeStreak } from "./streaks";
import { dateArb, workingDaysArb } from "./test-arbitraries";

/** Random days (possibly repeated, on any weekday) within `span` days after `from`. */
const closedArb = (span: number, max = 12) => fc.array(fc.integer({ min: -3, max: span + 3 }), { maxLength: max });
const datesFrom = (from: IsoDate, offsets: readonly number[]) => offsets.map((k) => addDays(from, k));

/** Every day of the weekday `w` from `from` to `to`. */
const everyWeekday = (w: number, from: IsoDate, to: IsoDate) => daysInRange(from, to).filter((d) => dayOfWeek(d) === w);

/** Working days with at least two weekdays, and one of them (to close on every occurrence). */
const twoOrMoreArb = fc
  .tuple(fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 2 }), fc.nat())
  .map(([days, i]) => ({ workingDays: [...days].sort((a, b) => a - b), closedWeekday: days[i % days.length]! }));

const without = (days: readonly number[], w: number) => days.filter((d) => d !== w);

const curveArb: fc.Arbitrary<Curve> = fc.oneof(
  fc.constant<Curve>({ kind: "linear" }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((strength): Curve => ({ kind: "front-loaded", strength })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((strength): Curve => ({ kind: "back-loaded", strength })),
);

/** A result, or the PlanningError code it threw, so two computations can be compared even when both refuse. */
function outcome<T>(fn: () => T): T | { error: string } {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PlanningError) return { error: e.code };
    throw e;
  }
}

describe("open days: counting", () => {
  it("counts and finds open days exactly as a day-by-day walk does", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 120 }),
        workingDaysArb,
        closedArb(120, 20),
        fc.integer({ min: 1, max: 40 }),
        (start, len, workingDays, offsets, n) => {
          const end = addDays(start, len);
          const calendar = { workingDays, closedDays: datesFrom(start, offsets) };
          const closed = new Set(calendar.closedDays);
          const walk = (d: IsoDate) => isWorkingDay(d, workingDays) && !closed.has(d);
          expect(countOpenDays(start, end, calendar)).toBe(daysInRange(start, end).filter(walk).length);
          for (const d of daysInRange(start, end)) {
            expect(isOpenDay(d, calendar)).toBe(walk(d));
            expect(closedReason(d, calendar)).toBe(
              !isWorkingDay(d, workingDays) ? "rest_day" : closed.has(d) ? "closed" : null,
            );
          }
          let d = start;
          let seen = walk(d) ? 1 : 0;
          while (seen < n) {
            d = addDays(d, 1);
            if (walk(d)) seen++;
          }
          expect(nthOpenDay(start, n, calendar)).toBe(d);
          let next = addDays(start, 1);
          while (!walk(next)) next = addDays(next, 1);
          expect(nextOpenDay(start, calendar)).toBe(next);
        },
      ),
    );
  });

  it("rejects an impossible closed day", () => {
    expect(() =>
      countOpenDays("2027-02-01", "2027-03-01", { workingDays: [1, 2, 3, 4, 5], closedDays: ["2027-02-30"] }),
    ).toThrow(PlanningError);
  });
});

describe("phasing with closed days", () => {
  it("property: closing every occurrence of a weekday equals not working that weekday (days and periods)", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 100 }),
        twoOrMoreArb,
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.constantFrom("day", "week", "month" as const),
        fc.integer({ min: 0, max: 6 }),
        curveArb,
        (start, len, { workingDays, closedWeekday }, target, period, weekStartsOn, curve) => {
          const deadline = addDays(start, len);
          const base = { start, deadline, target, period, weekStartsOn, curve };
          const closed = outcome(() =>
            phasePlan({ ...base, workingDays, closedDays: everyWeekday(closedWeekday, start, deadline) }),
          );
          const rest = outcome(() => phasePlan({ ...base, workingDays: without(workingDays, closedWeekday) }));
          if ("error" in closed || "error" in rest) {
            expect(closed).toEqual(rest);
            return;
          }
          expect(closed.days).toEqual(rest.days);
          expect(closed.periods).toEqual(rest.periods);
        },
      ),
    );
  });

  it("property: nothing is planned on a closed day, the total adds up exactly, and no plan starts or ends on an empty period", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 100 }),
        workingDaysArb,
        closedArb(100),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom("day", "week", "month" as const),
        curveArb,
        (start, len, workingDays, offsets, baseline, extra, period, curve) => {
          const deadline = addDays(start, len);
          const closedDays = datesFrom(start, offsets);
          const plan = outcome(() =>
            phasePlan({ start, deadline, target: baseline + extra, baseline, period, workingDays, closedDays, curve }),
          );
          if ("error" in plan) {
            // Refused only when there is something to do and no open day to do it in.
            expect(plan.error).toBe("no_working_days_in_segment");
            expect(extra).toBeGreaterThan(0);
            expect(countOpenDays(start, deadline, { workingDays, closedDays })).toBe(0);
            return;
          }
          for (const day of plan.days) {
            if (closedDays.includes(day.date)) {
              expect(day.working).toBe(false);
              expect(day.increment).toBe(0);
            }
          }
          expect(plan.days.reduce((s, d) => s + d.increment, 0)).toBe(extra);
          expect(plan.periods.reduce((s, p) => s + p.increment, 0)).toBe(extra);
          expect(plan.periods.reduce((s, p) => s + p.workingDays, 0)).toBe(
            countOpenDays(start, deadline, { workingDays, closedDays }),
          );
          expect(plan.periods[0]!.periodStart).toBe(start);
          expect(plan.periods.at(-1)!.periodEnd).toBe(deadline);
          expect(plan.periods.at(-1)!.cumulative).toBe(baseline + extra);
          for (let i = 1; i < plan.periods.length; i++)
            expect(plan.periods[i]!.periodStart).toBe(addDays(plan.periods[i - 1]!.periodEnd, 1));
          if (plan.periods.some((p) => p.workingDays > 0)) {
            expect(plan.periods[0]!.workingDays).toBeGreaterThan(0);
            expect(plan.periods.at(-1)!.workingDays).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it("a goal created on Sunday 6 Dec 2026 has no empty one-day first period", () => {
    const plan = phasePlan({
      start: "2026-12-06",
      deadline: "2026-12-31",
      target: 2_000_000,
      period: "week",
      weekStartsOn: 1,
      workingDays: [1, 2, 3, 4, 5],
    });
    expect(plan.periods[0]).toMatchObject({
      periodStart: "2026-12-06",
      periodEnd: "2026-12-13",
      label: "Week of 2026-12-07",
      workingDays: 5,
    });
    expect(plan.periods[0]!.increment).toBeGreaterThan(0);
    expect(plan.periods.every((p) => p.workingDays > 0 && p.increment > 0)).toBe(true);
    expect(plan.periods.map((p) => p.periodStart)).toEqual(["2026-12-06", "2026-12-14", "2026-12-21", "2026-12-28"]);
  });

  it("a goal that starts on a holiday folds it into the first week; one that ends on a holiday folds it into the last", () => {
    // Monday 5 April 2027 (Easter Monday) and Monday 31 May 2027 (Spring bank holiday) are closed.
    const plan = phasePlan({
      start: "2027-04-05",
      deadline: "2027-05-31",
      target: 380_000,
      period: "week",
      workingDays: [1, 2, 3, 4, 5],
      closedDays: ["2027-04-05", "2027-05-03", "2027-05-31"],
    });
    expect(plan.closedDays).toEqual(["2027-04-05", "2027-05-03", "2027-05-31"]);
    expect(plan.days.find((d) => d.date === "2027-04-05")).toMatchObject({ working: false, increment: 0 });
    expect(plan.periods[0]).toMatchObject({ periodStart: "2027-04-05", periodEnd: "2027-04-11", workingDays: 4 });
    // The deadline's Monday alone has no open day: it belongs to the week before.
    expect(plan.periods.at(-1)).toMatchObject({
      periodStart: "2027-05-24",
      periodEnd: "2027-05-31",
      workingDays: 5,
      cumulative: 380_000,
    });
    // 38 open days (41 weekdays from 5 Apr to 31 May, minus the three closed Mondays): 10,000 each.
    expect(
      countOpenDays("2027-04-05", "2027-05-31", { workingDays: [1, 2, 3, 4, 5], closedDays: plan.closedDays }),
    ).toBe(38);
    expect(new Set(plan.days.filter((d) => d.working).map((d) => d.increment))).toEqual(new Set([10_000]));
  });
});

const actionsArb: fc.Arbitrary<ActionRequirement[]> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 })), {
    maxLength: 6,
  })
  .map((xs) =>
    xs.map(([remaining, minutesPerAction, priority], i) => ({ key: `a${i}`, remaining, minutesPerAction, priority })),
  );

describe("the daily plan with closed days", () => {
  it("property: closing every occurrence of a weekday equals not working that weekday", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 60 }),
        twoOrMoreArb,
        actionsArb,
        fc.integer({ min: 30, max: 600 }),
        (today, len, { workingDays, closedWeekday }, actions, minutesPerDay) => {
          const deadline = addDays(today, len);
          // Far enough to cover the later deadline the time check may propose (up to LATER_DEADLINE_SEARCH_DAYS open
          // days past the deadline; with one open day a week, that many weeks).
          const closedDays = everyWeekday(
            closedWeekday,
            today,
            addDays(today, 7 * (len + LATER_DEADLINE_SEARCH_DAYS + 1)),
          );
          const closed = buildDailyPlan({ today, deadline, workingDays, closedDays, actions, minutesPerDay });
          const rest = buildDailyPlan({
            today,
            deadline,
            workingDays: without(workingDays, closedWeekday),
            actions,
            minutesPerDay,
          });
          expect(closed).toEqual(rest);
        },
      ),
    );
  });

  it("property: no action on a closed day, each action's counts add up to what remains, and a closed today has no actions", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 60 }),
        workingDaysArb,
        closedArb(60),
        actionsArb,
        (today, len, workingDays, offsets, actions) => {
          const deadline = addDays(today, len);
          const closedDays = datesFrom(today, offsets);
          const plan = buildDailyPlan({ today, deadline, workingDays, closedDays, actions, minutesPerDay: 120 });
          expect(plan.days.some((d) => closedDays.includes(d.date))).toBe(false);
          expect(plan.timeCheck.remainingWorkingDays).toBe(countOpenDays(today, deadline, { workingDays, closedDays }));
          if (closedDays.includes(today)) expect(plan.today).toBeNull();
          if (plan.days.length > 0) {
            for (const key of plan.chosen) {
              const sum = plan.days.reduce((s, d) => s + (d.actions.find((a) => a.key === key)?.count ?? 0), 0);
              expect(sum).toBe(actions.find((a) => a.key === key)!.remaining);
            }
          }
        },
      ),
    );
  });

  it("spreads today's actions over the member's remaining open days (a day off and a holiday ahead)", () => {
    // Mon 29 Mar – Fri 9 Apr 2027, Mon–Fri: 10 weekdays; Easter Monday (5 Apr) and the member's Tuesday off (6 Apr).
    const actions = [{ key: "calls", remaining: 40, minutesPerAction: 5 }];
    const base = {
      today: "2027-03-29",
      deadline: "2027-04-09",
      workingDays: [1, 2, 3, 4, 5],
      actions,
      minutesPerDay: 60,
    };
    expect(buildDailyPlan(base).today!.actions[0]!.count).toBe(4); // 40 over 10 days
    const plan = buildDailyPlan({ ...base, closedDays: ["2027-04-05", "2027-04-06"] });
    expect(plan.timeCheck.remainingWorkingDays).toBe(8);
    expect(plan.today!.actions[0]!.count).toBe(5); // 40 over 8 days
    expect(plan.days.map((d) => d.date)).not.toContain("2027-04-05");
    const onDayOff = buildDailyPlan({ ...base, today: "2027-04-06", closedDays: ["2027-04-05", "2027-04-06"] });
    expect(onDayOff.today).toBeNull();
  });
});

describe("pace with closed days", () => {
  it("property: closing every occurrence of a weekday equals not working that weekday (expected, forecast, days left, catch-up)", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: -5, max: 90 }),
        twoOrMoreArb,
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 5_000 })), { maxLength: 30 }),
        (start, len, asOfOffset, { workingDays, closedWeekday }, target, logged) => {
          const deadline = addDays(start, len);
          const closedDays = everyWeekday(closedWeekday, addDays(start, -30), addDays(deadline, 30));
          const planOf = (p: PhasedPlan | { error: string }) => p;
          const closed = planOf(outcome(() => phasePlan({ start, deadline, target, workingDays, closedDays })));
          const rest = planOf(
            outcome(() => phasePlan({ start, deadline, target, workingDays: without(workingDays, closedWeekday) })),
          );
          if ("error" in closed || "error" in rest) {
            expect(closed).toEqual(rest);
            return;
          }
          const byDay = new Map<string, number>();
          for (const [k, amount] of logged) byDay.set(addDays(start, k), (byDay.get(addDays(start, k)) ?? 0) + amount);
          const actuals = [...byDay].map(([date, amount]) => ({ date, amount }));
          const asOf = addDays(start, asOfOffset);
          const a = assessPace({ plan: closed, actuals, asOf });
          const b = assessPace({ plan: rest, actuals, asOf });
          // Catch-up per week divides by the team's usual working days per week, which differ by design.
          const strip = (r: typeof a) => ({ ...r, pace: { ...r.pace, catchUp: { ...r.pace.catchUp, perWeek: 0 } } });
          expect(strip(a)).toEqual(strip(b));
        },
      ),
    );
  });

  it("the catch-up never plans on a closed day", () => {
    const plan = phasePlan({
      start: "2027-03-01",
      deadline: "2027-04-30",
      target: 100_000,
      workingDays: [1, 2, 3, 4, 5],
      closedDays: ["2027-03-26", "2027-03-29"],
    });
    const pace = assessPace({ plan, actuals: [{ date: "2027-03-10", amount: 1_000 }], asOf: "2027-03-17" });
    for (const d of pace.catchUp.days)
      if (d.date === "2027-03-26" || d.date === "2027-03-29") expect(d).toMatchObject({ working: false, increment: 0 });
    expect(pace.catchUp.days.reduce((s, d) => s + d.increment, 0)).toBe(100_000 - 1_000);
    // 32 weekdays from 18 Mar to 30 Apr, minus Good Friday and Easter Monday.
    expect(pace.remainingWorkingDays).toBe(30);
  });
});

describe("streaks over closed days", () => {
  it("property: closing every occurrence of a weekday equals not working that weekday", () => {
    fc.assert(
      fc.property(
        dateArb,
        twoOrMoreArb,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (today, { workingDays, closedWeekday }, records) => {
          const days = records.map(([planned, done], i) => ({ date: addDays(today, -i), planned, done }));
          const closedDays = everyWeekday(closedWeekday, addDays(today, -60), today);
          expect(computeStreak({ days, today, workingDays, closedDays })).toEqual(
            computeStreak({ days, today, workingDays: without(workingDays, closedWeekday) }),
          );
        },
      ),
    );
  });

  it("a holiday or a day off in the middle does not break the streak", () => {
    // Thu 25 – Wed 31 Mar 2027, Mon–Fri; Good Friday (26th) a holiday and Monday 29th the member's day off.
    const days = daysInRange("2027-03-25", "2027-03-31").map((date) => ({
      date,
      planned: 1,
      done: ["2027-03-25", "2027-03-30", "2027-03-31"].includes(date) ? 1 : 0,
    }));
    const workingDays = [1, 2, 3, 4, 5];
    expect(computeStreak({ days, today: "2027-03-31", workingDays }).current).toBe(2);
    expect(
      computeStreak({ days, today: "2027-03-31", workingDays, closedDays: ["2027-03-26", "2027-03-29"] }),
    ).toMatchObject({ current: 3, best: 3, todayMet: true });
  });
});
