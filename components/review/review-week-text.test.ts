import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paceStatus } from "@/server/domain/pace";
import { reviewWeekText, weekPlanShare } from "./review-week-text";

const week = { from: "2027-03-15", to: "2027-03-21" };

describe("the review's week in words", () => {
  it("says which week it is and which of its days count", () => {
    expect(reviewWeekText({ week, period: { ...week, asOf: week.to }, weekKind: "last" })).toEqual({
      name: "Last week",
      inText: "last week",
      days: "15 Mar – 21 Mar",
      underWay: false,
    });
    // A goal that began on Tuesday, reviewed on Wednesday: this week so far.
    expect(
      reviewWeekText({ week, period: { from: "2027-03-16", to: "2027-03-21", asOf: "2027-03-17" }, weekKind: "this" }),
    ).toEqual({
      name: "This week so far",
      inText: "this week so far",
      days: "16 Mar – 21 Mar, up to 17 Mar",
      underWay: true,
    });
    expect(reviewWeekText({ week, period: { ...week, asOf: week.to }, weekKind: "earlier" }).inText).toBe(
      "in the week of 15 Mar",
    );
    // Reviews stored before the period was kept were of last week.
    expect(reviewWeekText({ week }).name).toBe("Last week");
  });

  it("measures the week against the plan due, as its status does", () => {
    const soFar = { week, period: { ...week, asOf: "2027-03-17" }, weekKind: "this" as const };
    expect(weekPlanShare({ ...soFar, scoreboard: { weekActual: 0, weekTarget: 2857, weekExpected: 1143 } })).toBe(
      "0% of the plan due so far",
    );
    expect(weekPlanShare({ ...soFar, scoreboard: { weekActual: 0, weekTarget: 2857, weekExpected: 0 } })).toBeNull();
    expect(weekPlanShare({ week, scoreboard: { weekActual: 2000, weekTarget: 2500 } })).toBe("80% of the plan");
  });

  it("never shows 0 % of a plan beside On track", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.nat({ max: 1_000_000 }),
        fc.nat({ max: 1_000_000 }),
        fc.boolean(),
        (actual, target, due, underWay) => {
          const expected = Math.min(due, target);
          const s = {
            week,
            period: { ...week, asOf: underWay ? "2027-03-17" : week.to },
            weekKind: "this" as const,
            scoreboard: { weekActual: actual, weekTarget: target, weekExpected: underWay ? expected : target },
          };
          const share = weekPlanShare(s);
          const status = paceStatus(actual, s.scoreboard.weekExpected);
          if (share?.startsWith("0%")) expect(status).not.toBe("on_track");
        },
      ),
    );
  });
});
