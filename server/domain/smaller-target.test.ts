import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import { buildDailyPlan } from "./daily-plan";
import { planFunnel, type FunnelInput } from "./funnel";
import { minutesForResult, smallerTargetThatFits, type SmallerTargetInput } from "./smaller-target";
import { dateArb, workingDaysArb } from "./test-arbitraries";

const weekdays = [1, 2, 3, 4, 5];

describe("smaller target examples", () => {
  it("gives the smaller target whose busiest day fits when the plan does not", () => {
    const funnel: FunnelInput = {
      target: 2,
      stages: [
        { key: "contacts", defaultRate: 1 / 3 },
        { key: "presentations", defaultRate: 0.1 },
      ],
    };
    // 2 sponsors need 60 contacts (600 min) + 20 presentations (900 min) over 10 working days; 4 contacts done.
    const input: SmallerTargetInput = {
      funnel,
      done: { contacts: 4 },
      minutesPerAction: { contacts: 10, presentations: 45 },
      plan: { today: "2026-12-01", deadline: "2026-12-14", workingDays: weekdays, minutesPerDay: 60 },
    };
    expect(minutesForResult(input, 2)).toBe(560 + 900);
    expect(smallerTargetThatFits(input)).toEqual({ target: 0, minutes: 0, busiestDayMinutes: 0 });
    // 1 sponsor: 26 contacts + 10 presentations, a busiest day of 3 × 10 + 45 = 75 minutes.
    expect(smallerTargetThatFits({ ...input, plan: { ...input.plan, minutesPerDay: 75 } })).toEqual({
      target: 1,
      minutes: 260 + 450,
      busiestDayMinutes: 75,
    });
    expect(smallerTargetThatFits({ ...input, plan: { ...input.plan, minutesPerDay: 74 } }).target).toBe(0);
  });
});

describe("smaller target properties", () => {
  it("the smaller target is the largest one whose busiest day fits", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 30 }),
        fc.integer({ min: 0, max: 240 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        dateArb,
        fc.integer({ min: 0, max: 20 }),
        workingDaysArb,
        (target, minutesPerDay, m1, m2, today, len, workingDays) => {
          const input: SmallerTargetInput = {
            funnel: {
              target,
              stages: [
                { key: "contacts", defaultRate: 1 / 3 },
                { key: "presentations", defaultRate: 0.1 },
              ],
            },
            minutesPerAction: { contacts: m1, presentations: m2 },
            plan: { today, deadline: addDays(today, len), workingDays, minutesPerDay },
          };
          const fitsAt = (t: number) => {
            const stages = planFunnel({ ...input.funnel, target: t }).stages;
            const actions = stages.map((s) => ({
              key: s.key,
              remaining: s.required,
              minutesPerAction: input.minutesPerAction[s.key]!,
            }));
            return buildDailyPlan({ ...input.plan, actions }).timeCheck.fits;
          };
          const { target: t, minutes, busiestDayMinutes } = smallerTargetThatFits(input);
          expect(t).toBeLessThanOrEqual(target);
          expect(minutes).toBe(minutesForResult(input, t));
          expect(fitsAt(t)).toBe(true);
          expect(busiestDayMinutes).toBeLessThanOrEqual(minutesPerDay);
          for (let above = t + 1; above <= target; above++) expect(fitsAt(above)).toBe(false);
        },
      ),
    );
  });
});
