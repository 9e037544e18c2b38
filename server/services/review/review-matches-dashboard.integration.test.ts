/**
 * The weekly review shows the right week, and the dashboard's statuses for it: for the same goal, week and subtree,
 * every member's own and team status, the on/off-pace counts and the members listed off pace are the dashboard
 * roll-up's (getRollup, period "week", server/services/progress/). Two cases at the suite's instant (Wed 17 Mar 2027, London, Mon–Fri):
 * - mid-goal: the review is of last week (8–14 Mar), compared with the dashboard's roll-up for that week seen on its
 *   last day — through the service, and through the router as a leader saw it on Sunday evening;
 * - a goal that began this Monday: the review is of this week so far, compared with the dashboard's "this week"
 *   right now; a branch that logged nothing is behind (never "On track" at 0 % of a plan that expected something).
 * Commitments are for the coming week (Mon 22 Mar), and a resumed open review moves on to the new day. A member whose
 * rest was re-planned is on pace against their re-plan in both, and their branch sums it.
 */
import { describe, expect, it } from "vitest";
import { addDays, startOfPeriod } from "@/server/domain/calendar";
import { paceStatus } from "@/server/domain/pace";
import { teamToday } from "@/server/clock";
import { getRollup, type RollupResult } from "@/server/services/progress/get-rollup";
import { loadGoalPlan } from "@/server/services/progress/load-goal-plan";
import { loadTeamScope } from "@/server/services/team/scope";
import { callerForMember } from "@/tests/caller";
import { atInstant } from "@/tests/clock";
import { makeEntriesWithTotals, makeGoal, makeMetric, makeTestTree, type LoggedAmount } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import type { ReviewSnapshot } from "@/server/domain/review-snapshot";
import { toDbDay } from "@/server/domain/db-day";

const env = setUpTestDatabase({ tree: "none" });

/** Every status the review shows equals the dashboard's for the same goal, week and subtree. */
function expectSameStatuses(s: ReviewSnapshot, rollup: RollupResult) {
  const rows = new Map(rollup.rows.map((r) => [r.id, r]));
  const root = rollup.rows[0]!;
  expect(s.root.id).toBe(root.id);
  expect(s.members.map((m) => m.id).sort()).toEqual([...rows.keys()].sort());
  for (const m of s.members) {
    const row = rows.get(m.id)!;
    expect({ name: m.name, status: m.status, teamStatus: m.teamStatus }).toEqual({
      name: row.name,
      status: row.ownStatus,
      teamStatus: row.teamStatus,
    });
  }
  expect({ onPace: s.scoreboard.onPace, offPace: s.scoreboard.offPace }).toEqual({
    onPace: root.below.onPace,
    offPace: root.below.offPace,
  });
  expect(s.offPace.map((m) => m.id).sort()).toEqual(
    rollup.rows
      .filter((r) => r.id !== root.id && (r.ownStatus === "at_risk" || r.ownStatus === "behind"))
      .map((r) => r.id)
      .sort(),
  );
  for (const m of s.offPace) expect(m.status).toBe(rows.get(m.id)!.ownStatus);
  expect(s.scoreboard.weekStatus).toBe(root.teamStatus);
  expect(s.scoreboard.goalStatus).toBe(root.goal.status);
  expect({ target: s.scoreboard.weekTarget, actual: s.scoreboard.weekActual }).toEqual({
    target: root.teamTarget,
    actual: root.teamActual,
  });
}

describe("the weekly review and the dashboard", () => {
  it("show the same week, statuses and counts for the same goal, week and subtree", async () => {
    const db = env.db;
    const t = await makeTestTree(db);
    const team = await db.team.findUniqueOrThrow({
      where: { id: t.team.id },
      select: { timeZone: true, weekStartsOn: true },
    });
    const today = teamToday(team);
    const thisWeek = startOfPeriod(today, "week", team.weekStartsOn);
    const lastWeek = addDays(thisWeek, -7);
    expect(today).toBe("2027-03-17"); // the suite's instant: a Wednesday
    const metric = await makeMetric(db, {
      teamId: t.team.id,
      key: "calls",
      name: "Calls",
      kind: "ACTIVITY",
      unit: "COUNT",
    });

    // Who logs what, per working day: A's branch steadily; Mo (A2) only last week; Ben (B1) every week but last;
    // Lara (B) a little, last week only; the owner nothing. So last week's statuses differ from goal-to-date ones.
    const logged: LoggedAmount[] = [];
    const log = (membershipId: string, from: string, to: string, amount: number) => {
      for (let d = from; d <= to; d = addDays(d, 1)) {
        const weekday = toDbDay(d).getUTCDay();
        if (weekday >= 1 && weekday <= 5) logged.push({ membershipId, day: d, amount });
      }
    };
    const yesterday = addDays(today, -1);
    for (const id of [t.leaderA.id, t.memberA1.id, t.memberA1a.id]) log(id, addDays(lastWeek, -21), yesterday, 30);
    log(t.memberA2.id, lastWeek, addDays(lastWeek, 6), 60);
    log(t.memberB1.id, addDays(lastWeek, -21), addDays(lastWeek, -1), 30);
    log(t.leaderB.id, lastWeek, addDays(lastWeek, 6), 14);
    await makeEntriesWithTotals(db, { teamId: t.team.id, metricId: metric.id, entries: logged });

    const scope = await loadTeamScope(db, { teamId: t.team.id, userId: t.owner.userId });
    const owner = await callerForMember(db, t.owner.id);
    const input = { teamId: t.team.id };

    // 1. Mid-goal (from three weeks before last week): the review is of last week, as of its end.
    const midGoal = await makeGoal(db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId: metric.id,
      target: 7000,
      startDate: addDays(lastWeek, -21),
      deadline: addDays(lastWeek, 70),
    });
    const a = (
      await owner.review.get({ ...input, reviewId: (await owner.review.start({ ...input, goalId: midGoal.id })).id })
    ).snapshot;
    expect(a.week).toEqual({ from: lastWeek, to: addDays(lastWeek, 6) });
    expect(a.period).toEqual({ from: lastWeek, to: addDays(lastWeek, 6), asOf: addDays(lastWeek, 6) });
    expect(a.weekKind).toBe("last");
    expect(a.nextWeekStart).toBe(addDays(thisWeek, 7)); // the coming week: this one is under way
    // The dashboard's roll-up for that week, seen on its last day (a past day is seen as of its end).
    const dashboardA = await getRollup(db, scope, {
      goal: await loadGoalPlan(db, scope, { goalId: midGoal.id }),
      period: "week",
      rootId: scope.actor.id,
      viewDay: addDays(lastWeek, 6),
    });
    expect(dashboardA.period).toMatchObject({ from: lastWeek, to: addDays(lastWeek, 6) });
    expectSameStatuses(a as ReviewSnapshot, dashboardA);
    // Both on and off pace members, and the week's statuses are not the goal-to-date ones (Ben, Mo).
    expect(a.scoreboard.offPace).toBeGreaterThan(0);
    expect(a.scoreboard.onPace).toBeGreaterThan(0);
    expect(a.offPace.map((m) => m.name).sort()).toEqual(["Ben B1", "Lara Leader B"]);
    // And as a leader saw it on the dashboard on Sunday evening (Sunday has no plan: the whole week was due).
    const sundayDashboard = await atInstant(`${addDays(lastWeek, 6)}T20:00:00Z`, () =>
      owner.dashboard.rollup({ ...input, goalId: midGoal.id, period: "week" }),
    );
    expectSameStatuses(a as ReviewSnapshot, sundayDashboard);
    // The review's off-pace list is the dashboard's "Furthest behind", in the same order.
    const sundayView = await atInstant(`${addDays(lastWeek, 6)}T20:00:00Z`, () =>
      owner.dashboard.view({ ...input, goalId: midGoal.id, period: "week" }),
    );
    expect(sundayView.offPaceCount).toBe(a.scoreboard.offPace);
    expect(a.offPace.map((m) => [m.id, m.actual, m.expected])).toEqual(
      sundayView.offPace.map((r) => [r.id, r.ownActual, r.ownExpected]),
    );

    // 2. A goal that began this Monday: this week so far, as the dashboard shows "this week" now. Lara's branch
    // (Lara, Ben) logged nothing this week: behind, not "On track" at 0 % of what was due.
    const newGoal = await makeGoal(db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId: metric.id,
      target: 7000,
      startDate: thisWeek,
      deadline: addDays(thisWeek, 55),
      name: "New goal",
    });
    for (const rootId of [t.owner.id, t.leaderB.id]) {
      const { id } = await owner.review.start({ ...input, goalId: newGoal.id, rootId });
      const b = (await owner.review.get({ ...input, reviewId: id })).snapshot as ReviewSnapshot;
      expect(b.week).toEqual({ from: thisWeek, to: addDays(thisWeek, 6) });
      expect(b.period).toEqual({ from: thisWeek, to: addDays(thisWeek, 6), asOf: today });
      expect(b.weekKind).toBe("this");
      expect(b.nextWeekStart).toBe(addDays(thisWeek, 7));
      const dashboardB = await owner.dashboard.rollup({ ...input, goalId: newGoal.id, period: "week", rootId });
      expectSameStatuses(b, dashboardB);
      // The status compares with the plan due so far (Monday and Tuesday), never with nothing.
      expect(b.scoreboard.weekExpected).toBeGreaterThan(0);
      expect(b.scoreboard.weekStatus).toBe(paceStatus(b.scoreboard.weekActual, b.scoreboard.weekExpected!));
    }
    const lara = (
      await owner.review.get({
        ...input,
        reviewId: (await owner.review.start({ ...input, goalId: newGoal.id, rootId: t.leaderB.id })).id,
      })
    ).snapshot;
    expect(lara.scoreboard.weekActual).toBe(0);
    expect(lara.scoreboard.weekStatus).toBe("behind");
    expect(lara.members.map((m) => m.status)).toEqual(["behind", "behind"]);

    // 3. Resumed the next day, the open review moves on with the dashboard (same review, numbers as of Thursday).
    const thursday = addDays(today, 1);
    const resumed = await atInstant(`${thursday}T10:30:00Z`, async () => {
      const { id } = await owner.review.start({ ...input, goalId: newGoal.id });
      return {
        id,
        snapshot: (await owner.review.get({ ...input, reviewId: id })).snapshot as ReviewSnapshot,
        dashboard: await owner.dashboard.rollup({ ...input, goalId: newGoal.id, period: "week" }),
      };
    });
    const first = await owner.review.start({ ...input, goalId: newGoal.id });
    expect(resumed.id).toBe(first.id);
    expect(resumed.snapshot.period?.asOf).toBe(thursday);
    expectSameStatuses(resumed.snapshot, resumed.dashboard);
    expect(await db.weeklyReview.count({ where: { goalId: newGoal.id, rootMembershipId: t.owner.id } })).toBe(1);
  });

  it("with a re-planned member: the review's statuses, off-pace numbers and week target are the dashboard's", async () => {
    const db = env.db;
    const t = await makeTestTree(db);
    const team = await db.team.findUniqueOrThrow({
      where: { id: t.team.id },
      select: { timeZone: true, weekStartsOn: true },
    });
    const today = teamToday(team);
    const thisWeek = startOfPeriod(today, "week", team.weekStartsOn);
    const metric = await makeMetric(db, { teamId: t.team.id, key: "calls", name: "Calls", kind: "ACTIVITY" });
    const goal = await makeGoal(db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId: metric.id,
      target: 7000,
      startDate: addDays(thisWeek, -14),
      deadline: addDays(thisWeek, 42),
    });
    // Everyone but Ben (B1) logs steadily; Ben logged a little on two days, Mo (A2) nothing.
    const logged: LoggedAmount[] = [];
    for (let d = addDays(thisWeek, -14); d < today; d = addDays(d, 1)) {
      const weekday = toDbDay(d).getUTCDay();
      if (weekday < 1 || weekday > 5) continue;
      for (const id of [t.owner.id, t.leaderA.id, t.memberA1.id, t.memberA1a.id, t.leaderB.id]) {
        logged.push({ membershipId: id, day: d, amount: 25 });
      }
    }
    logged.push({ membershipId: t.memberB1.id, day: addDays(thisWeek, -13), amount: 10 });
    logged.push({ membershipId: t.memberB1.id, day: addDays(thisWeek, 1), amount: 4 });
    await makeEntriesWithTotals(db, { teamId: t.team.id, metricId: metric.id, entries: logged });
    const owner = await callerForMember(db, t.owner.id);
    const input = { teamId: t.team.id, goalId: goal.id };

    // Ben is off pace; his upline re-plans his rest from today.
    const offBefore = await owner.dashboard.rollup({ ...input, period: "goal" });
    expect(offBefore.rows.find((r) => r.id === t.memberB1.id)!.goal.status).toBe("behind");
    const { version } = await db.goal.findUniqueOrThrow({ where: { id: goal.id }, select: { version: true } });
    const lara = await callerForMember(db, t.leaderB.id);
    await lara.goal.applyReplan({ ...input, memberId: t.memberB1.id, version });

    // The review (of last week, as of its end) and the dashboard's roll-up of that week for Lara's branch.
    const { id } = await owner.review.start({ ...input, rootId: t.leaderB.id });
    const review = (await owner.review.get({ teamId: t.team.id, reviewId: id })).snapshot as ReviewSnapshot;
    expect(review.weekKind).toBe("last");
    const scope = await loadTeamScope(db, { teamId: t.team.id, userId: t.owner.userId });
    const dashboard = await getRollup(db, scope, {
      goal: await loadGoalPlan(db, scope, { goalId: goal.id }),
      period: "week",
      rootId: t.leaderB.id,
      viewDay: review.period!.asOf,
    });
    expectSameStatuses(review, dashboard);
    const benWeek = dashboard.rows.find((r) => r.id === t.memberB1.id)!;
    const laraWeek = dashboard.rows.find((r) => r.id === t.leaderB.id)!;
    // Before today his re-plan is what he did: nothing last week, and nothing was due of him.
    expect({ target: benWeek.ownTarget, expected: benWeek.ownExpected }).toEqual({ target: 0, expected: 0 });
    expect(review.offPace.map((m) => m.id)).not.toContain(t.memberB1.id);
    expect(laraWeek.teamTarget).toBe(laraWeek.ownTarget + benWeek.teamTarget);
    expect(review.scoreboard.weekTarget).toBe(laraWeek.teamTarget);
    expect(review.scoreboard.goalExpected).toBe(laraWeek.goal.teamExpected);

    // Goal to date now: on pace against his re-plan (what he did before today), and his My plan says the same.
    const now = await owner.dashboard.rollup({ ...input, period: "goal", rootId: t.leaderB.id });
    const ben = now.rows.find((r) => r.id === t.memberB1.id)!;
    expect(ben.goal.teamExpected).toBe(14);
    expect(ben.goal.teamExpected).toBeLessThan(offBefore.rows.find((r) => r.id === t.memberB1.id)!.goal.teamExpected);
    expect(ben.goal.status).toBe("on_track");
    const laraNow = now.rows.find((r) => r.id === t.leaderB.id)!;
    // Lara's own expected is unchanged; her branch's is hers plus Ben's re-plan.
    const before = (id: string) => offBefore.rows.find((r) => r.id === id)!.goal.teamExpected;
    expect(laraNow.goal.teamExpected).toBe(before(t.leaderB.id) - before(t.memberB1.id) + 14);
    const benPlan = (await (await callerForMember(db, t.memberB1.id)).goal.myPlan({ teamId: t.team.id })).goals.find(
      (g) => g.goal.id === goal.id,
    )!;
    expect(benPlan.pace.expected).toBe(ben.goal.teamExpected);
    expect(benPlan.pace.status).toBe(ben.goal.status);
  });

  it("refuses a review before the goal's first day", async () => {
    const db = env.db;
    const t = await makeTestTree(db);
    const metric = await makeMetric(db, { teamId: t.team.id, key: "calls", name: "Calls" });
    const today = teamToday(await db.team.findUniqueOrThrow({ where: { id: t.team.id }, select: { timeZone: true } }));
    const goal = await makeGoal(db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId: metric.id,
      target: 1000,
      startDate: addDays(today, 3),
      deadline: addDays(today, 60),
    });
    const owner = await callerForMember(db, t.owner.id);
    await expect(owner.review.start({ teamId: t.team.id, goalId: goal.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("once it has begun"),
    });
  });
});
