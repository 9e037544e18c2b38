import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, startOfPeriod } from "./calendar";
import { commitmentWeeks, commitmentWeekStart, comingWeekStart, reviewWeek } from "./review-week";

describe("review week examples", () => {
  it("a goal that began this week is reviewed this week so far, not the week before it (Wed 2 Dec 2026)", () => {
    // The reported case: "Start the review of last week" opened 23–29 Nov for a goal that began on 1 Dec.
    const w = reviewWeek({ today: "2026-12-02", start: "2026-12-01", deadline: "2027-01-31", weekStartsOn: 1 });
    expect(w).toEqual({
      week: { from: "2026-11-30", to: "2026-12-06" },
      period: { from: "2026-12-01", to: "2026-12-06" },
      asOf: "2026-12-02",
      kind: "this",
    });
    // Its commitments are for the coming week, not the one under way.
    expect(commitmentWeekStart("2026-12-02", 1, w!.week)).toBe("2026-12-07");
  });

  it("mid-goal: last week, as of its end; a Monday meeting commits to the week it opens, a Wednesday one to next week", () => {
    const goal = { start: "2027-03-01", deadline: "2027-04-30", weekStartsOn: 1 };
    const wednesday = reviewWeek({ ...goal, today: "2027-03-17" })!;
    expect(wednesday).toEqual({
      week: { from: "2027-03-08", to: "2027-03-14" },
      period: { from: "2027-03-08", to: "2027-03-14" },
      asOf: "2027-03-14",
      kind: "last",
    });
    expect(commitmentWeekStart("2027-03-17", 1, wednesday.week)).toBe("2027-03-22");
    const monday = reviewWeek({ ...goal, today: "2027-03-15" })!;
    expect(monday.week.from).toBe("2027-03-08");
    expect(commitmentWeekStart("2027-03-15", 1, monday.week)).toBe("2027-03-15");
  });

  it("a goal that began mid-way through last week reviews its part of last week; one that ended long ago, its last week", () => {
    const w = reviewWeek({ today: "2027-03-17", start: "2027-03-10", deadline: "2027-04-30", weekStartsOn: 1 })!;
    expect(w.week).toEqual({ from: "2027-03-08", to: "2027-03-14" });
    expect(w.period).toEqual({ from: "2027-03-10", to: "2027-03-14" });
    const ended = reviewWeek({ today: "2027-03-17", start: "2027-01-01", deadline: "2027-01-27", weekStartsOn: 1 })!;
    expect(ended).toMatchObject({
      week: { from: "2027-01-25" },
      period: { from: "2027-01-25", to: "2027-01-27" },
      kind: "earlier",
    });
  });

  it("nothing to review before the goal's first day; on its first day, this week so far", () => {
    expect(
      reviewWeek({ today: "2027-03-17", start: "2027-03-18", deadline: "2027-04-30", weekStartsOn: 1 }),
    ).toBeNull();
    expect(
      reviewWeek({ today: "2027-03-17", start: "2027-03-17", deadline: "2027-04-30", weekStartsOn: 1 }),
    ).toMatchObject({
      period: { from: "2027-03-17", to: "2027-03-21" },
      asOf: "2027-03-17",
      kind: "this",
    });
  });
});

const day = fc.integer({ min: 0, max: 200 }).map((n) => addDays("2027-01-01", n));

describe("review week properties", () => {
  it("is the latest completed week inside the goal, or this week so far when the goal began this week (naive oracle)", () => {
    fc.assert(
      fc.property(
        day,
        day,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 6 }),
        (today, start, length, weekStartsOn) => {
          const deadline = addDays(start, length);
          const got = reviewWeek({ today, start, deadline, weekStartsOn });
          if (start > today) {
            expect(got).toBeNull();
            return;
          }
          // Every week overlapping the goal, with the part of it inside the goal; completed = that part is over.
          const weeks = [];
          for (let from = startOfPeriod(start, "week", weekStartsOn); from <= deadline; from = addDays(from, 7)) {
            const to = addDays(from, 6);
            weeks.push({ from, to, end: to > deadline ? deadline : to });
          }
          const completed = weeks.filter((w) => w.end < today);
          const thisWeek = startOfPeriod(today, "week", weekStartsOn);
          const expected = completed.at(-1) ?? weeks.find((w) => w.from === thisWeek)!;
          expect(got).not.toBeNull();
          expect(got!.week).toEqual({ from: expected.from, to: expected.to });
          expect(got!.period).toEqual({ from: expected.from < start ? start : expected.from, to: expected.end });
          expect(got!.asOf).toBe(completed.length > 0 ? expected.end : today);
          expect(got!.asOf <= got!.period.to && got!.asOf >= got!.period.from).toBe(true);
          if (completed.length === 0) expect(start >= thisWeek).toBe(true); // only when the goal began this week
          expect(got!.kind).toBe(
            expected.from === thisWeek ? "this" : expected.from === addDays(thisWeek, -7) ? "last" : "earlier",
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("commitments are for a week that has not begun (or begins today) and comes after the week reviewed", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 6 }), (today, back, weekStartsOn) => {
        const reviewed = addDays(startOfPeriod(today, "week", weekStartsOn), -7 * back);
        const c = commitmentWeekStart(today, weekStartsOn, { from: reviewed });
        expect(startOfPeriod(c, "week", weekStartsOn)).toBe(c);
        expect(c >= today).toBe(true);
        expect(c > reviewed).toBe(true);
        const coming = comingWeekStart(today, weekStartsOn);
        // The coming week is the first week starting today or later…
        expect(coming >= today && addDays(coming, -7) < today).toBe(true);
        // …unless the week reviewed is this one (a goal's first week): then the week after it.
        expect(c).toBe(back === 0 ? addDays(reviewed, 7) : coming);
      }),
    );
  });

  it("a member commits to this week (its first day on or before today) or the next, and the coming one is among them", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 6 }), (today, weekStartsOn) => {
        const w = commitmentWeeks(today, weekStartsOn);
        expect(w.this).toBe(startOfPeriod(today, "week", weekStartsOn));
        expect(w.this <= today && addDays(w.this, 6) >= today).toBe(true);
        expect(w.next).toBe(addDays(w.this, 7));
        expect(w.coming).toBe(comingWeekStart(today, weekStartsOn));
        expect(w.coming).toBe(w.this === today ? w.this : w.next);
      }),
    );
  });
});
