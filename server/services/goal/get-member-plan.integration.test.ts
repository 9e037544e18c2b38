import { beforeAll, describe, expect, it } from "vitest";
import type { IsoDate } from "@/server/domain/calendar";
import type { TCreateGoalInput } from "@/server/schemas/goal";
import { loadTeamScope } from "@/server/services/team/scope";
import { setUpTestDatabase, type TestTree } from "@/tests/setup/integration";
import { addDailyTotal, goalInput, makeFunnelMetrics, makeTestTree } from "@/tests/factories";
import { createGoal } from "./create-goal";
import { getMemberPlan } from "./get-member-plan";
import { toDbDay } from "@/server/domain/db-day";

const env = setUpTestDatabase({ tree: "once" });
let t: TestTree;
let m: Awaited<ReturnType<typeof makeFunnelMetrics>>;

/** A goal for the tree's whole team, created by its owner on `today`. */
async function createTeamGoal(tree: TestTree, today: IsoDate, input: TCreateGoalInput) {
  const scope = { ...(await loadTeamScope(env.db, { teamId: tree.team.id, userId: tree.owner.userId })), today };
  return createGoal(env.db, scope, { ...input, rootMembershipId: tree.owner.id });
}

beforeAll(async () => {
  const db = env.db;
  t = env.t;
  m = await makeFunnelMetrics(db, { teamId: t.team.id });
  await db.membership.update({ where: { id: t.memberA1.id }, data: { minutesPerDay: 90 } });
  // £7,000 over the 20 working days of 2–27 Nov 2026, 7 members, even split → £1,000 each.
  await createTeamGoal(
    t,
    "2026-11-01",
    goalInput({
      name: "November volume",
      metricId: m.volume.id,
      target: 700_000,
      startDate: "2026-11-02",
      deadline: "2026-11-27",
    }),
  );
  // A draft goal never shows up in a member's plan.
  await createTeamGoal(
    t,
    "2026-11-01",
    goalInput({
      name: "Draft contacts",
      metricId: m.contacts.id,
      target: 1000,
      startDate: "2026-11-02",
      deadline: "2026-11-27",
      publish: false,
    }),
  );
  const log = (membershipId: string, day: string, total: number) =>
    addDailyTotal(db, { teamId: t.team.id, membershipId, metricId: m.volume.id, day, total });
  await log(t.memberA1.id, "2026-11-03", 10_000);
  await log(t.memberA1.id, "2026-11-10", 5_000);
  await log(t.memberA1a.id, "2026-11-10", 2_000);
  await log(t.memberA1.id, "2026-11-12", 9_999); // after asOf: not counted
});

describe("getMemberPlan", () => {
  it("gives the member's targets, this week's milestone, actuals and today's actions from the funnel", async () => {
    const plan = await getMemberPlan(env.db, { teamId: t.team.id, membershipId: t.memberA1.id, asOf: "2026-11-11" });
    expect(plan.goals).toHaveLength(1);
    const g = plan.goals[0]!;
    expect(g.goal).toMatchObject({
      name: "November volume",
      target: 700_000,
      deadline: "2026-11-27",
      metric: { key: "team_volume", unit: "MONEY" },
    });
    expect(g.personalTarget).toBe(100_000);
    expect(g.teamTarget).toBe(200_000); // Mia + Max
    // 5,000 a working day each: the week of 9 Nov plans 25,000, and 50,000 by its end.
    expect(g.milestone).toMatchObject({
      periodStart: "2026-11-09",
      periodEnd: "2026-11-15",
      plannedIncrement: 25_000,
      plannedCumulative: 50_000,
      teamPlannedIncrement: 50_000,
      teamPlannedCumulative: 100_000,
      actual: 5_000,
    });
    // The calendar: four weeks of the member's own share, adding up to their target.
    expect(g.milestones.map((x) => [x.periodStart, x.planned])).toEqual([
      ["2026-11-02", 25_000],
      ["2026-11-09", 25_000],
      ["2026-11-16", 25_000],
      ["2026-11-23", 25_000],
    ]);
    expect(g.milestones.at(-1)!.cumulative).toBe(g.personalTarget);
    expect(g.expectedToDate).toBe(40_000); // 8 working days (2–11 Nov) × 5,000
    expect(g.dueToDate).toBe(35_000); // what is due while 11 Nov is under way: 2–10 Nov
    expect(g.actualToDate).toBe(15_000);
    expect(g.teamActualToDate).toBe(17_000);
    // £1,000 ← 2 sponsors ← 20 presentations ← 60 contacts, over the 13 working days 11–27 Nov.
    expect(g.needs.map((n) => [n.key, n.required])).toEqual([
      ["contacts", 60],
      ["presentations", 20],
      ["sponsors", 2],
    ]);
    // Whole actions spread evenly over the 13 days: 60 contacts are 4 or 5 a day, 20 presentations 1 or 2, and the
    // 2 sponsors fall on 2 of the 13 days — not today (never 1 every day).
    expect(plan.todayActions).toEqual([
      { metricId: m.contacts.id, key: "contacts", name: "Contacts", unit: "COUNT", planned: 4 },
      { metricId: m.presentations.id, key: "presentations", name: "Presentations", unit: "COUNT", planned: 2 },
    ]);
    // 60×5 + 20×30 + 2×15 = 930 minutes needed; 90 a day × 13 days = 1,170 available.
    // The time check is the busiest day (5 contacts and 2 presentations: 25 + 60 minutes; the sponsors fall on other
    // days), and it fits in 90.
    expect(g.timeCheck).toMatchObject({
      neededMinutes: 930,
      availableMinutes: 1170,
      fits: true,
      busiestDayMinutes: 85,
    });
    expect(g.minutesPerDayAssumed).toBe(false);
  });

  it("flags a plan that does not fit the (assumed) time of a member who has not said", async () => {
    const plan = await getMemberPlan(env.db, { teamId: t.team.id, membershipId: t.memberB1.id, asOf: "2026-11-11" });
    const g = plan.goals[0]!;
    expect(g.minutesPerDayAssumed).toBe(true);
    expect(g.timeCheck.fits).toBe(false);
    expect(g.timeCheck.laterDeadline).not.toBeNull();
  });

  it("counts activity already done against the remaining actions", async () => {
    await addDailyTotal(env.db, {
      teamId: t.team.id,
      membershipId: t.memberA2.id,
      metricId: m.contacts.id,
      day: "2026-11-05",
      total: 21,
    });
    const plan = await getMemberPlan(env.db, { teamId: t.team.id, membershipId: t.memberA2.id, asOf: "2026-11-11" });
    const contacts = plan.goals[0]!.needs.find((n) => n.key === "contacts")!;
    expect(contacts).toMatchObject({ done: 21, remaining: contacts.required - 21 });
    expect(plan.todayActions.find((a) => a.key === "contacts")!.planned).toBeOneOf([
      Math.floor(contacts.remaining / 13),
      Math.ceil(contacts.remaining / 13),
    ]);
  });

  it("is empty for a member of a team without a published goal, and has no actions outside the plan's dates", async () => {
    const other = await makeTestTree(env.db);
    expect(
      await getMemberPlan(env.db, { teamId: other.team.id, membershipId: other.memberA1.id, asOf: "2026-11-11" }),
    ).toEqual({
      asOf: "2026-11-11",
      goals: [],
      todayActions: [],
    });
    const after = await getMemberPlan(env.db, { teamId: t.team.id, membershipId: t.memberA1.id, asOf: "2026-12-05" });
    expect(after.goals).toHaveLength(1);
    expect(after.todayActions).toEqual([]);
    expect(after.goals[0]!.milestone).toBeNull();
  });
});

describe("getMemberPlan and the calendar", () => {
  it("a goal created on Sunday 6 Dec 2026 has no empty first week: the first milestone runs from 6 to 13 Dec", async () => {
    const db = env.db;
    const tree = await makeTestTree(db);
    const metrics = await makeFunnelMetrics(db, { teamId: tree.team.id });
    await createTeamGoal(
      tree,
      "2026-12-06",
      goalInput({
        name: "December volume",
        metricId: metrics.volume.id,
        target: 700_000,
        startDate: "2026-12-06",
        deadline: "2026-12-31",
      }),
    );
    const plan = await getMemberPlan(db, { teamId: tree.team.id, membershipId: tree.memberA1.id, asOf: "2026-12-06" });
    const g = plan.goals[0]!;
    // Not "€0 between 6 Dec and 6 Dec": the Sunday belongs to the first working week.
    expect(g.milestone).toMatchObject({
      periodStart: "2026-12-06",
      periodEnd: "2026-12-13",
      openDays: 5,
      upcoming: false,
    });
    expect(g.milestone!.plannedIncrement).toBeGreaterThan(0);
    expect(g.milestones[0]).toMatchObject({ periodStart: "2026-12-06", periodEnd: "2026-12-13" });
    expect(g.milestones.every((x) => x.planned > 0)).toBe(true);
    // Sunday is not a working day: nothing to do today.
    expect(plan.todayActions).toEqual([]);
  });

  it("today's actions are spread over the member's open days: team holidays and their own days off are skipped", async () => {
    const db = env.db;
    // Mia's November: 13 working days from Wed 11 Nov to Fri 27 Nov (see above); a team holiday and two days off.
    const base = await getMemberPlan(db, { teamId: t.team.id, membershipId: t.memberA1.id, asOf: "2026-11-11" });
    const contacts = () => base.goals[0]!.needs.find((n) => n.key === "contacts")!;
    expect(base.todayActions.find((a) => a.key === "contacts")!.planned).toBeOneOf([
      Math.floor(contacts().remaining / 13),
      Math.ceil(contacts().remaining / 13),
    ]);
    await db.teamHoliday.create({
      data: { teamId: t.team.id, day: new Date("2026-11-26T00:00:00Z"), name: "Team day" },
    });
    await db.memberDayOff.createMany({
      data: ["2026-11-12", "2026-11-13", "2026-11-16"].map((d) => ({
        membershipId: t.memberA1.id,
        day: toDbDay(d),
        kind: "HOLIDAY" as const,
      })),
    });
    const closed = await getMemberPlan(db, { teamId: t.team.id, membershipId: t.memberA1.id, asOf: "2026-11-11" });
    expect(closed.goals[0]!.timeCheck.remainingWorkingDays).toBe(9);
    expect(closed.todayActions.find((a) => a.key === "contacts")!.planned).toBeOneOf([
      Math.floor(contacts().remaining / 9),
      Math.ceil(contacts().remaining / 9),
    ]);
    // The goal's own plan (milestones) does not move: it keeps the holidays it was published with.
    expect(closed.goals[0]!.milestones).toEqual(base.goals[0]!.milestones);
    // On a day off, and on the team holiday, nothing is planned.
    expect(
      (await getMemberPlan(db, { teamId: t.team.id, membershipId: t.memberA1.id, asOf: "2026-11-12" })).todayActions,
    ).toEqual([]);
    expect(
      (await getMemberPlan(db, { teamId: t.team.id, membershipId: t.memberA1.id, asOf: "2026-11-26" })).todayActions,
    ).toEqual([]);
    // Someone else's day off changes nothing for Mia's teammate.
    const other = await getMemberPlan(db, { teamId: t.team.id, membershipId: t.memberA2.id, asOf: "2026-11-12" });
    expect(other.todayActions.length).toBeGreaterThan(0);
    await db.teamHoliday.deleteMany({ where: { teamId: t.team.id } });
    await db.memberDayOff.deleteMany({ where: { membershipId: t.memberA1.id } });
  });
});
