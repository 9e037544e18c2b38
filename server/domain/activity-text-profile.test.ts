/** The activity page's sentences for the profile's and the split weights' audit events (issue 17). */
import { describe, expect, it } from "vitest";
import { activityText } from "./activity-text";

const event = (action: string, data: unknown, subjectName: string | null = "Max A1a") => ({
  action,
  actorName: "Leo Leader A",
  subjectName,
  data,
  names: new Map<string, string>(),
});

describe("activity sentences: minutes a day and split weights", () => {
  it("says what changed", () => {
    expect(activityText(event("member.minutes_per_day_changed", { from: null, to: 45 }))).toBe(
      "set their minutes a day to 45",
    );
    expect(activityText(event("member.minutes_per_day_changed", { from: 45, to: null }))).toBe(
      "cleared their minutes a day (plans assume the default)",
    );
    expect(activityText(event("member.split_weight_changed", { from: 100, to: 50 }))).toBe(
      "set Max A1a's split weight to 50% (was 100%)",
    );
    expect(activityText(event("member.split_weight_changed", {}, null))).toBe("changed a former member's split weight");
  });
});
