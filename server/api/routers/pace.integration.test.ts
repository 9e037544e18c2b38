/**
 * One pace model, everywhere the same (issue 15): a member ahead of the plan so far whose recent pace falls short of
 * the target. The dashboard row, My plan, the weekly review (and its digest) and the CSV export show the same status,
 * forecast and catch-up, and never "none needed" beside a forecast below the target.
 */
import { describe, expect, it } from "vitest";
import { addDays, isoDateInTimeZone, isWorkingDay, startOfPeriod } from "@/server/domain/calendar";
import { toMajorString } from "@/server/domain/money";
import { getRollup } from "@/server/services/progress/get-rollup";
import { loadGoalPlan } from "@/server/services/progress/load-goal-plan";
import { formatDigest } from "@/server/domain/format-digest";
import { loadTeamScope } from "@/server/services/team/scope";
import { callerForMember } from "@/tests/caller";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { addMember, makeEntriesWithTotals, makeGoal, makeMetric, makeTeam, makeUser } from "@/tests/factories";
import * as clock from "@/server/clock";

const env = setUpTestDatabase({ tree: "none" });

describe("one pace model on every screen", () => {
  it("ahead of the plan so far but the run rate falls short: status, forecast and catch-up agree on the dashboard, My plan, the review, the digest and the CSV", async () => {
    const db = env.db;
    const ownerUser = await makeUser(db, { name: "Olive Owner" });
    const team = await makeTeam(db, { ownerId: ownerUser.id, input: { name: "Pace team" } });
    const member = await addMember(db, { teamId: team.id, parentId: team.membershipId, name: "Ada Ahead" });
    const metric = await makeMetric(db, { teamId: team.id, key: "sales", kind: "RESULT", unit: "MONEY" });
    const today = isoDateInTimeZone(clock.nowMs(), "Europe/London");
    // Six weeks in; the whole target is Ada's. She did £5,000 in the first week and nothing since.
    const start = addDays(startOfPeriod(today, "week", 1), -42);
    const goal = await makeGoal(db, {
      teamId: team.id,
      rootMembershipId: team.membershipId,
      metricId: metric.id,
      target: 1_000_000,
      startDate: start,
      deadline: addDays(start, 150),
      personal: new Map([[team.membershipId, 0]]),
    });
    expect(goal.targets.get(member.id)!.personal).toBe(1_000_000);
    const firstWeek = [0, 1, 2, 3, 4].map((d) => addDays(start, d)).filter((d) => isWorkingDay(d, [1, 2, 3, 4, 5]));
    await makeEntriesWithTotals(db, {
      teamId: team.id,
      metricId: metric.id,
      entries: firstWeek.map((day) => ({ membershipId: member.id, day, amount: 500_000 / firstWeek.length })),
    });

    // Dashboard: Ada's row (no downline, so her team is herself).
    const owner = await callerForMember(db, team.membershipId);
    const rollup = await owner.dashboard.rollup({ teamId: team.id, goalId: goal.id, period: "goal" });
    const row = rollup.rows.find((r) => r.id === member.id)!.goal;
    expect(row.teamActual).toBe(500_000);
    expect(row.teamExpected).toBeGreaterThan(0);
    expect(row.teamExpected).toBeLessThan(500_000 / 1.05);
    expect(row.status).toBe("ahead");
    expect(row.forecast).toBe(500_000); // nothing over the last ten working days
    expect(row.note).toBe("short_at_this_pace");
    // Never "none needed" beside a forecast below target: each remaining week must bring what finishes on target.
    expect(row.catchUpPerWeek).toBe(Math.ceil((500_000 * 5) / rollup.remainingWorkingDays));
    expect(row.catchUpPerDay).toBe(Math.ceil(500_000 / rollup.remainingWorkingDays));
    // The owner's team row is the same goal seen one level up: same rule, same words.
    expect(rollup.rows[0]!.goal).toMatchObject({ status: "ahead", forecast: 500_000, note: "short_at_this_pace" });

    // My plan: Ada's own pace is the dashboard's, number for number.
    const ada = await callerForMember(db, member.id);
    const plan = await ada.goal.myPlan({ teamId: team.id });
    const mine = plan.goals.find((g) => g.goal.id === goal.id)!.pace;
    expect(mine).toMatchObject({
      actual: row.teamActual,
      expected: row.teamExpected,
      target: row.teamShare,
      status: row.status,
      forecast: row.forecast,
      note: row.note,
      catchUp: { perWeek: row.catchUpPerWeek, perDay: row.catchUpPerDay },
    });

    // Weekly review of Ada's team (last week, as of its last day): the dashboard's row for that day, and still the
    // same story — ahead of the plan, short at this pace, a catch-up to finish on target.
    const { id } = await owner.review.start({ teamId: team.id, goalId: goal.id, rootId: member.id });
    const review = await owner.review.get({ teamId: team.id, reviewId: id });
    const s = review.snapshot;
    const scope = await loadTeamScope(db, { teamId: team.id, userId: ownerUser.id });
    const asOfReview = await getRollup(
      db,
      { ...scope, today },
      {
        goal: await loadGoalPlan(db, scope, { goalId: goal.id }),
        period: "week",
        rootId: member.id,
        viewDay: s.period!.asOf,
      },
    );
    const reviewRow = asOfReview.rows[0]!.goal;
    expect(s.scoreboard).toMatchObject({
      goalActual: reviewRow.teamActual,
      goalExpected: reviewRow.teamExpected,
      goalStatus: reviewRow.status,
      forecast: reviewRow.forecast,
      catchUpPerWeek: reviewRow.catchUpPerWeek,
      catchUpPerDay: reviewRow.catchUpPerDay,
      note: reviewRow.note,
    });
    expect(s.scoreboard).toMatchObject({ goalStatus: "ahead", forecast: 500_000, note: "short_at_this_pace" });
    expect(s.scoreboard.catchUpPerWeek).toBeGreaterThan(0);

    // The digest says the same, in words.
    const digest = formatDigest(s, { teamName: "Pace team", currency: "GBP" }).text;
    expect(digest).toContain("(ahead)");
    expect(digest).toContain("Ahead of the plan so far, but the recent pace falls short of the target.");
    expect(digest).toMatch(/To finish on target: £[\d,]+ per week \(£[\d,]+ per open day\)/);
    expect(digest).not.toContain("No catch-up needed");

    // The CSV carries the dashboard's goal-to-date pace for Ada's team on each of her rows.
    const file = await owner.dashboard.exportCsv({ teamId: team.id, goalId: goal.id, period: "week" });
    const Papa = (await import("papaparse")).default;
    const rows = Papa.parse<Record<string, string>>(file.csv, { header: true, skipEmptyLines: true }).data;
    const adaRows = rows.filter((r) => r.member === "Ada Ahead");
    expect(adaRows.length).toBeGreaterThan(0);
    for (const r of adaRows) {
      expect(r).toMatchObject({
        team_expected_to_date: toMajorString(row.teamExpected, "GBP"),
        team_actual_to_date: toMajorString(row.teamActual, "GBP"),
        team_pace: "ahead",
        team_forecast_at_deadline: toMajorString(500_000, "GBP"),
        team_catch_up_per_week: toMajorString(row.catchUpPerWeek, "GBP"),
        team_catch_up_per_day: toMajorString(row.catchUpPerDay, "GBP"),
      });
    }
  });
});
