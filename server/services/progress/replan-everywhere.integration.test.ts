/**
 * One number everywhere after "re-plan the rest": once Mia (A1, sponsor of Max) has re-planned her rest, My plan, the
 * Log, the dashboard's roll-up (own and branch rows, any period), its charts, the CSV export, the leaderboard and the
 * weekly review all read her own plan through the one rule (`memberExpectedOn`, server/domain/expected-plan.ts), and
 * every branch above her sums its members' numbers. The clock is TEST_NOW: Wednesday 17 Mar 2027 (London, Mon–Fri).
 */
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { paceStatus } from "@/server/domain/pace";
import { getRollup } from "@/server/services/progress/get-rollup";
import { loadGoalPlan } from "@/server/services/progress/load-goal-plan";
import { loadTeamScope } from "@/server/services/team/scope";
import { addDailyTotal, makeMarchSalesGoal, makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "once" });
const TODAY = "2027-03-17";
const YESTERDAY = "2027-03-16";
let goalId: string;

beforeAll(async () => {
  const t = env.t;
  const metricId = (await makeMetric(env.db, { teamId: t.team.id, key: "sales", kind: "RESULT", unit: "COUNT" })).id;
  // 23 open days in March 2027; 7 members, even split: 230 each. Front-loaded, so the re-plan's shape matters.
  goalId = (await makeMarchSalesGoal(env.db, t, metricId)).id;
  const log = (membershipId: string, day: string, total: number) =>
    addDailyTotal(env.db, { teamId: t.team.id, membershipId, metricId, day, total });
  // Mia is far behind (20 of 230); Max a little (60); Leo on his way (90).
  await log(t.memberA1.id, "2027-03-02", 12);
  await log(t.memberA1.id, "2027-03-16", 8);
  await log(t.memberA1a.id, "2027-03-09", 60);
  await log(t.leaderA.id, "2027-03-10", 90);
  await env.db.team.update({ where: { id: t.team.id }, data: { leaderboardEnabled: true } });
});

describe("after a re-plan, every screen shows the member's and their branch's same numbers", () => {
  it("My plan, the Log, the dashboard (rows, charts, CSV, leaderboard) and the review agree", async () => {
    const t = env.t;
    const input = { teamId: t.team.id, goalId };
    const owner = await env.as(t.owner.id);
    const mia = await env.as(t.memberA1.id);
    const max = await env.as(t.memberA1a.id);
    const leo = await env.as(t.leaderA.id);
    const myGoal = async (caller: typeof mia) =>
      (await caller.goal.myPlan({ teamId: t.team.id })).goals.find((g) => g.goal.id === goalId)!;

    const before = (await owner.dashboard.rollup({ ...input, period: "goal" })).rows.find(
      (r) => r.id === t.memberA1.id,
    )!;
    expect(before.goal.status).toBe("behind");

    const { version } = await env.db.goal.findUniqueOrThrow({ where: { id: goalId }, select: { version: true } });
    await mia.goal.applyReplan({ ...input, memberId: t.memberA1.id, version });

    // My plan: on pace against her re-plan (nothing of it due before today: expected = what she did).
    const miaPlan = await myGoal(mia);
    const maxPlan = await myGoal(max);
    const leoPlan = await myGoal(leo);
    expect(miaPlan.pace.expected).toBe(20);
    expect(miaPlan.dueToDate).toBe(20);
    expect(miaPlan.pace.status).toBe("on_track");

    // The dashboard, goal to date: Mia's row is her My plan's, on pace; her branch (Mia + Max) and Leo's (Leo, Mia,
    // Max, Mo) sum their members' My plan numbers.
    const goalRollup = await owner.dashboard.rollup({ ...input, period: "goal" });
    const row = (id: string) => goalRollup.rows.find((r) => r.id === id)!;
    expect(goalRollup.dueThrough).toBe(YESTERDAY);
    expect(row(t.memberA1.id).ownExpected).toBe(miaPlan.pace.expected);
    expect(row(t.memberA1.id).ownStatus).toBe("on_track");
    expect(row(t.memberA1a.id).goal.teamExpected).toBe(maxPlan.pace.expected);
    expect(row(t.memberA1.id).goal.teamExpected).toBe(miaPlan.pace.expected + maxPlan.pace.expected);
    expect(row(t.memberA1.id).goal.teamExpected - row(t.memberA1a.id).goal.teamExpected).toBe(miaPlan.pace.expected);
    const mo = row(t.memberA2.id);
    expect(row(t.leaderA.id).goal.teamExpected).toBe(
      leoPlan.pace.expected + row(t.memberA1.id).goal.teamExpected + mo.goal.teamExpected,
    );
    expect(row(t.leaderA.id).teamExpected).toBe(
      row(t.leaderA.id).ownExpected + row(t.memberA1.id).teamExpected + mo.teamExpected,
    );
    // Her branch's status is read from those sums.
    expect(row(t.memberA1.id).teamStatus).toBe(
      paceStatus(row(t.memberA1.id).teamActual, row(t.memberA1.id).teamExpected),
    );

    // This week: the dashboard's week target for Mia is My plan's milestone for the week.
    const weekRollup = await owner.dashboard.rollup({ ...input, period: "week" });
    const miaWeek = weekRollup.rows.find((r) => r.id === t.memberA1.id)!;
    expect(miaPlan.milestone).not.toBeNull();
    expect(miaWeek.ownTarget).toBe(miaPlan.milestone!.plannedIncrement);
    expect(miaWeek.ownStatus).toBe("on_track");

    // The Log's today is My plan's today (the one adapter), and its main goal reads the same target.
    const logDay = await mia.entry.day({ teamId: t.team.id });
    const planned = new Map(logDay.actions.filter((a) => a.planned > 0).map((a) => [a.metricId, a.planned]));
    for (const a of miaPlan.todayActions) expect(planned.get(a.metricId)).toBe(a.planned);

    // The charts: the cumulative plan of Mia's subtree is her row's team expected on every due day, and of Leo's.
    for (const rootId of [t.memberA1.id, t.leaderA.id]) {
      const charts = await owner.dashboard.charts({ ...input, rootId, period: "goal" });
      const due = charts.cumulative.find((c) => c.date === YESTERDAY)!;
      expect(due.planned).toBe(row(rootId).goal.teamExpected);
      expect(charts.cumulative.at(-1)!.planned).toBe(row(rootId).goal.teamShare);
      const weekCharts = await owner.dashboard.charts({ ...input, rootId, period: "week" });
      const weekRow = weekRollup.rows.find((r) => r.id === rootId)!;
      const cumulativeOn = (day: string) => weekCharts.cumulative.find((c) => c.date === day)!.planned;
      // The week's plan in the chart is the roll-up's week target; the funnel's is the part through today.
      expect(cumulativeOn("2027-03-21") - cumulativeOn("2027-03-14")).toBe(weekRow.teamTarget);
      expect(weekCharts.funnel.at(-1)!.planned).toBe(cumulativeOn(TODAY) - cumulativeOn("2027-03-14"));
    }
    // Her own heat-strip row (Leo's subtree: Mia's branch) expects her re-plan's days plus Max's share.
    const leoCharts = await owner.dashboard.charts({ ...input, rootId: t.leaderA.id, period: "week" });
    const miaBranch = leoCharts.heat.find((h) => h.id === t.memberA1.id)!;
    const weekSum = miaBranch.days.reduce((s, d) => s + d.expected, 0);
    expect(weekSum).toBe(miaWeek.teamTarget);

    // The CSV: Mia's weekly targets are My plan's milestones; her team's are the sums with Max's.
    const { csv } = await owner.dashboard.exportCsv({ ...input, period: "week" });
    const lines = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    const miaName = (await env.db.user.findUniqueOrThrow({ where: { id: t.memberA1.userId } })).name;
    const miaLines = lines.filter((l) => l.member === miaName);
    expect(miaLines.map((l) => Number(l.personal_target))).toEqual(miaPlan.milestones.map((m) => m.planned));
    expect(miaLines.map((l) => Number(l.team_target))).toEqual(
      miaPlan.milestones.map((m, i) => m.planned + maxPlan.milestones[i]!.planned),
    );
    expect(new Set(miaLines.map((l) => Number(l.team_expected_to_date)))).toEqual(
      new Set([row(t.memberA1.id).goal.teamExpected]),
    );

    // The leaderboard by plan completion reads the same own expected.
    const board = await owner.dashboard.leaderboard({ ...input, period: "week", by: "completion" });
    const miaBoard = board.rows.find((r) => r.id === t.memberA1.id);
    if (miaWeek.ownExpected > 0) {
      expect(miaBoard?.value).toBe(Math.round((miaWeek.ownActual / miaWeek.ownExpected) * 100));
    } else expect(miaBoard).toBeUndefined();

    // The weekly review of Leo's branch (last week, as of its end) shows the dashboard's numbers for that week: Mia's
    // re-plan keeps what she did before today, so last week she is on pace, and her branch's week target is the sum.
    const scope = await loadTeamScope(env.db, { teamId: t.team.id, userId: t.owner.userId });
    const { id: reviewId } = await owner.review.start({ ...input, rootId: t.leaderA.id });
    const snapshot = (await owner.review.get({ teamId: t.team.id, reviewId })).snapshot;
    const reviewed = await getRollup(env.db, scope, {
      goal: await loadGoalPlan(env.db, scope, { goalId }),
      period: "week",
      rootId: t.leaderA.id,
      viewDay: snapshot.period!.asOf,
    });
    const reviewedRow = (id: string) => reviewed.rows.find((r) => r.id === id)!;
    expect(snapshot.members.find((m) => m.id === t.memberA1.id)!.status).toBe(reviewedRow(t.memberA1.id).ownStatus);
    expect(reviewedRow(t.memberA1.id).ownStatus).toBe("on_track");
    expect(snapshot.offPace.map((m) => m.id)).not.toContain(t.memberA1.id);
    expect(snapshot.scoreboard.weekTarget).toBe(reviewedRow(t.leaderA.id).teamTarget);
    expect(snapshot.scoreboard.goalExpected).toBe(reviewedRow(t.leaderA.id).goal.teamExpected);
    const lastWeek = miaPlan.milestones.find((m) => m.periodEnd === snapshot.period!.to)!;
    expect(reviewedRow(t.memberA1.id).ownTarget).toBe(lastWeek.planned);
  });
});
