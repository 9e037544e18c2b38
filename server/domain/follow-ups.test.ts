import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import { followUpPlan, MAX_FOLLOW_UPS_SHOWN, whoWasItList, type DuePerson } from "./follow-ups";

const today = "2026-12-09";
const personArb = fc.record({
  id: fc.uuid(),
  name: fc.string({ minLength: 1, maxLength: 6 }),
  nextFollowUp: fc.integer({ min: -10, max: 3 }).map((d) => addDays(today, d)),
  touchedToday: fc.boolean(),
});
const peopleArb = fc.uniqueArray(personArb, { selector: (p) => p.id, maxLength: 20 });

describe("follow-ups in today's plan", () => {
  it("example: Sam today first, the overdue counted", () => {
    const people: DuePerson[] = [
      { id: "1", name: "Ann", nextFollowUp: "2026-12-01", touchedToday: false },
      { id: "2", name: "Sam", nextFollowUp: today, touchedToday: false },
      { id: "3", name: "Bob", nextFollowUp: "2026-12-08", touchedToday: false },
      { id: "4", name: "Cat", nextFollowUp: "2026-12-08", touchedToday: true },
    ];
    const plan = followUpPlan({ today, people });
    expect(plan.items.map((i) => i.name)).toEqual(["Sam", "Bob", "Ann"]);
    expect(plan).toMatchObject({ dueToday: 1, overdue: 2, more: 0 });
  });

  it("shows each due person at most once, today's first, never one touched today or due later", () => {
    fc.assert(
      fc.property(peopleArb, (people) => {
        const plan = followUpPlan({ today, people });
        const open = people.filter((p) => !p.touchedToday && p.nextFollowUp <= today);
        expect(plan.items.length).toBe(Math.min(MAX_FOLLOW_UPS_SHOWN, open.length));
        expect(new Set(plan.items.map((i) => i.personId)).size).toBe(plan.items.length);
        expect(plan.dueToday + plan.overdue).toBe(open.length);
        expect(plan.items.length + plan.more).toBe(open.length);
        const firstOverdue = plan.items.findIndex((i) => i.overdue);
        if (firstOverdue >= 0) expect(plan.items.slice(firstOverdue).every((i) => i.overdue)).toBe(true);
        for (const i of plan.items) {
          const p = people.find((x) => x.id === i.personId)!;
          expect(p.touchedToday).toBe(false);
          expect(i.day <= today).toBe(true);
        }
      }),
    );
  });

  it("who was it: due people first, each once, at most the size asked", () => {
    fc.assert(
      fc.property(
        peopleArb,
        fc.uniqueArray(fc.record({ id: fc.uuid(), name: fc.string() }), { selector: (p) => p.id, maxLength: 10 }),
        fc.integer({ min: 1, max: 8 }),
        (due, recent, size) => {
          const list = whoWasItList({ today, due, recent, size });
          expect(list.length).toBeLessThanOrEqual(size);
          expect(new Set(list.map((p) => p.id)).size).toBe(list.length);
          const firstRecent = list.findIndex((p) => !p.due);
          if (firstRecent >= 0) expect(list.slice(firstRecent).every((p) => !p.due)).toBe(true);
        },
      ),
    );
  });
});
