import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activityText, dayText, mentionedIds, weekdaysText } from "./activity-text";

const names = new Map([
  ["m1", "Mia"],
  ["m2", "Mo"],
]);
const text = (action: string, data: unknown, subjectName: string | null = "Max") =>
  activityText({ action, actorName: "Olivia", subjectName, data, names });

describe("activityText", () => {
  it("says each setting change in plain words, before → after", () => {
    expect(text("team.setting_changed", { field: "weekStartsOn", from: 1, to: 0 })).toBe(
      "changed the first day of the week from Monday to Sunday",
    );
    expect(text("team.setting_changed", { field: "workingDays", from: [1, 2, 3, 4, 5], to: [1, 3, 5, 6, 0] })).toBe(
      "changed the working days from Mon–Fri to Mon, Wed, Fri–Sun",
    );
    expect(text("team.setting_changed", { field: "backdateDays", from: 6, to: 0 })).toBe(
      "changed how far back members may log from 6 days back to today only",
    );
    expect(text("team.setting_changed", { field: "leaderboardEnabled", from: true, to: false })).toBe(
      "switched the leaderboard off",
    );
    expect(text("team.setting_changed", { field: "slug", from: "acme", to: "north-star" })).toBe(
      "changed the team's address from /acme to /north-star (old links still work)",
    );
  });

  it("names the people an event mentions, and a removed one as a former member", () => {
    expect(text("member.moved", { from: "m1", to: "m2" })).toBe("moved Max from under Mia to under Mo");
    expect(text("member.moved", { from: "gone", to: "m2" })).toBe("moved Max from under a former member to under Mo");
    expect(text("member.joined", { parentId: "m1" })).toBe("joined the team under Mia");
    expect(text("member.role_changed", { from: "MEMBER", to: "LEADER" }, null)).toBe("made a former member a leader");
    expect(mentionedIds("member.moved", { from: "m1", to: "m2" })).toEqual(["m1", "m2"]);
  });

  it("counts the people imported to a names list, never naming them", () => {
    expect(text("person.imported", { count: 3, format: "vcf" }, null)).toBe(
      "imported 3 people to their names list from phone contacts",
    );
    expect(text("person.imported", { count: 1, format: "csv" }, null)).toBe(
      "imported 1 person to their names list from a CSV file",
    );
    expect(text("person.imported", {}, null)).toBe("imported people to their names list from a file");
    // Whom a names-list change was about is never said, even when the subject has a name.
    expect(text("person.added", {}, "Sam Secret")).toBe("added someone to their names list");
    expect(text("person.stage_set", {}, "Sam Secret")).not.toContain("Sam");
  });

  it("reads calendar days without a time zone", () => {
    expect(dayText("2027-12-25")).toBe("25 Dec 2027");
    expect(weekdaysText([0, 1, 2, 3, 4, 5, 6])).toBe("every day");
  });

  it("always returns a sentence, whatever an event's data holds (old rows, actions added later)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(
            "team.created",
            "team.setting_changed",
            "team.ownership_transferred",
            "member.joined",
            "member.rejoined",
            "member.role_changed",
            "member.moved",
            "member.removed",
            "member.invited_by_import",
            "person.imported",
            "person.added",
            "person.updated",
            "person.stage_set",
            "person.archived",
            "person.restored",
            "invite.created",
            "invite.revoked",
            "calendar.holiday_added",
            "calendar.holiday_removed",
            "calendar.holidays_imported",
            "calendar.days_off_added",
            "calendar.day_off_removed",
            "member.minutes_per_day_changed",
            "member.split_weight_changed",
            "goal.archived",
            "goal.restored",
            "goal.draft_deleted",
            "goal.draft_edited",
            "goal.main_changed",
            "goal.next_created",
            "goal.replanned",
            "goal.followTree",
            "rank.create",
            "rank.update",
            "rank.plan.save",
          ),
          fc.string(),
        ),
        fc.jsonValue(),
        fc.option(fc.string(), { nil: null }),
        (action, data, subjectName) => {
          const sentence = text(action, data, subjectName);
          expect(typeof sentence).toBe("string");
          expect(sentence.length).toBeGreaterThan(0);
          expect(sentence).not.toMatch(/undefined|\[object Object\]/);
        },
      ),
    );
  });
});
