/**
 * The alert jobs on a real database, the clock pinned (the suite's instant: Wed 17 Mar 2027, 10:30 in London, Mon–Fri
 * team): behind-pace alerts to a member and their upline carry the dashboard router's numbers, once however often the
 * tick runs, never on a rest day, never to someone on pace, in each person's own zone, and to the upline only on the
 * second week in a row; a commitment is due once on the last open day of its week; a goal's closing reaches its branch
 * once with the closing summary's numbers.
 */
import { describe, expect, it } from "vitest";
import type { Db } from "@/server/db-client";
import { addDays } from "@/server/domain/calendar";
import { toDbDay } from "@/server/domain/db-day";
import { atInstant } from "@/tests/clock";
import { makeEntriesWithTotals, makeGoal, makeMetric, makeTestTree, type LoggedAmount } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { behindPaceJob } from "./behind-pace.job";
import { alertGoalId, sendBehindPaceAlerts } from "./behind-pace";
import { sendCommitmentDueAlerts } from "./commitment-due";
import { goalClosedJob } from "./goal-closed.job";
import { sendGoalClosedAlerts } from "./goal-closed";

const env = setUpTestDatabase({ tree: "none" });

type Tree = Awaited<ReturnType<typeof makeTestTree>>;

/** Working days (Mon–Fri) from..to. */
function workdays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd >= 1 && wd <= 5) out.push(d);
  }
  return out;
}

/**
 * "Spring calls" over March on the standard tree, 46 calls each. Everyone logs 3 a working day up to yesterday,
 * except: Mo A2 logs nothing since 8 March (behind last week and this week), Mia A1 nothing this week (behind this
 * week only), and Leo Leader A covers Mo's last week so his branch was on pace then.
 */
async function behindScenario(db: Db) {
  const t = await makeTestTree(db);
  const metric = await makeMetric(db, { teamId: t.team.id, key: "calls", name: "Calls", unit: "COUNT" });
  const goal = await makeGoal(db, {
    teamId: t.team.id,
    rootMembershipId: t.owner.id,
    metricId: metric.id,
    target: 46 * 7,
    startDate: "2027-03-01",
    deadline: "2027-03-31",
    name: "Spring calls",
  });
  const entries: LoggedAmount[] = [];
  const members = [t.owner, t.leaderA, t.leaderB, t.memberA1, t.memberA1a, t.memberA2, t.memberB1];
  for (const m of members) {
    for (const day of workdays("2027-03-01", "2027-03-16")) {
      if (m.id === t.memberA2.id && day >= "2027-03-08") continue;
      if (m.id === t.memberA1.id && day >= "2027-03-15") continue;
      entries.push({ membershipId: m.id, day, amount: 3 });
    }
  }
  entries.push({ membershipId: t.leaderA.id, day: "2027-03-12", amount: 15 });
  await makeEntriesWithTotals(db, { teamId: t.team.id, metricId: metric.id, entries });
  return { t, goal, metric };
}

async function notificationsOf(db: Db, teamId: string) {
  return db.notification.findMany({
    where: { teamId },
    select: { userId: true, kind: true, title: true, body: true, url: true, dedupeKey: true },
    orderBy: [{ kind: "asc" }, { userId: "asc" }],
  });
}

const userOf = (t: Tree, m: { userId: string }) => m.userId;

describe("behind-pace alerts", () => {
  it("tell a behind member and their upline once, with the numbers the dashboard shows", async () => {
    const db = env.db;
    const { t, goal } = await behindScenario(db);
    const first = await sendBehindPaceAlerts(db);
    expect(first.made).toBeGreaterThanOrEqual(3);

    const made = await notificationsOf(db, t.team.id);
    expect(made.map((n) => [n.kind, n.userId]).sort()).toEqual(
      [
        ["BEHIND_PACE", userOf(t, t.memberA1)],
        ["BEHIND_PACE", userOf(t, t.memberA2)],
        ["DOWNLINE_BEHIND", userOf(t, t.leaderA)],
      ].sort(),
    );

    // The numbers are the dashboard's: the owner's roll-up, and the upline's view focused on Mo.
    const owner = await env.as(t.owner.id);
    const rollup = await owner.dashboard.rollup({ teamId: t.team.id, goalId: goal.id, period: "week" });
    const rowOf = (id: string) => rollup.rows.find((r) => r.id === id)!;
    const mo = rowOf(t.memberA2.id);
    const mia = rowOf(t.memberA1.id);
    expect(mo.ownStatus).toBe("behind");
    const moAlert = made.find((n) => n.kind === "BEHIND_PACE" && n.userId === t.memberA2.userId)!;
    expect(moAlert.title).toBe(
      `You're ${mo.ownExpected - mo.ownActual} calls behind this week — today's plan has them`,
    );
    expect(moAlert.body).toBe(
      `Spring calls: ${mo.goal.catchUpPerDay} calls a day catches up and finishes on target; your Log has today's plan.`,
    );
    expect(moAlert.url).toBe(`/${t.team.slug}/log`);
    expect(moAlert.dedupeKey).toBe(`behind:${t.memberA2.id}:2027-03-17`);
    const miaAlert = made.find((n) => n.kind === "BEHIND_PACE" && n.userId === t.memberA1.userId)!;
    expect(miaAlert.title).toBe(
      `You're ${mia.ownExpected - mia.ownActual} calls behind this week — today's plan has them`,
    );

    const leader = await env.as(t.leaderA.id);
    const focused = await leader.dashboard.rollup({
      teamId: t.team.id,
      goalId: goal.id,
      period: "week",
      rootId: t.memberA2.id,
    });
    const seen = focused.rows[0]!;
    expect(seen.id).toBe(t.memberA2.id);
    const upline = made.find((n) => n.kind === "DOWNLINE_BEHIND")!;
    // Second-week rule: Mo was behind last week too; Mia (behind this week only) is not named.
    expect(upline.title).toBe(
      `Mo A2 is ${seen.teamExpected - seen.teamActual} calls behind this week, for the second week in a row`,
    );
    expect(upline.body).toBe(
      `Spring calls: Mo A2's catch-up is ${seen.goal.catchUpPerDay} calls a day to finish on target.`,
    );
    expect(upline.title + upline.body).not.toContain("Mia");
    expect(upline.url).toBe(`/${t.team.slug}/dashboard?goal=${goal.id}&root=${t.memberA2.id}`);

    // Running the tick again — through the job's handler — makes nothing new.
    await behindPaceJob.handler(db, {});
    const again = await sendBehindPaceAlerts(db);
    expect(again.made).toBe(0);
    expect(await notificationsOf(db, t.team.id)).toEqual(made);
  });

  it("sends nothing on a rest day: a day off, a team holiday", async () => {
    const db = env.db;
    const { t } = await behindScenario(db);
    await db.memberDayOff.create({ data: { membershipId: t.memberA1.id, day: toDbDay("2027-03-17") } });
    await sendBehindPaceAlerts(db);
    const made = await notificationsOf(db, t.team.id);
    expect(made.some((n) => n.userId === t.memberA1.userId)).toBe(false);
    expect(made.some((n) => n.userId === t.memberA2.userId)).toBe(true);

    const other = await behindScenario(db);
    await db.teamHoliday.create({ data: { teamId: other.t.team.id, day: toDbDay("2027-03-17"), name: "Spring day" } });
    await sendBehindPaceAlerts(db);
    expect(await notificationsOf(db, other.t.team.id)).toEqual([]);
  });

  it("sends nothing outside the morning window, and to someone in another zone at their own morning", async () => {
    const db = env.db;
    const { t, goal } = await behindScenario(db);
    await db.membership.update({ where: { id: t.memberA2.id }, data: { timeZone: "Asia/Tokyo" } });

    // 06:30 in London: nobody's morning window.
    await atInstant("2027-03-17T06:30:00Z", () => sendBehindPaceAlerts(db));
    expect(await notificationsOf(db, t.team.id)).toEqual([]);

    // 10:30 in London is 19:30 in Tokyo: Mo is not alerted (his upline is, in London).
    await sendBehindPaceAlerts(db);
    let made = await notificationsOf(db, t.team.id);
    expect(made.some((n) => n.kind === "BEHIND_PACE" && n.userId === t.memberA2.userId)).toBe(false);
    expect(made.some((n) => n.kind === "BEHIND_PACE" && n.userId === t.memberA1.userId)).toBe(true);

    // 08:30 on Thursday in Tokyo (23:30 Wednesday in London): Mo's morning, with the dashboard's numbers then.
    const owner = await env.as(t.owner.id);
    const rollup = await atInstant("2027-03-17T23:30:00Z", async () => {
      await sendBehindPaceAlerts(db);
      return owner.dashboard.rollup({ teamId: t.team.id, goalId: goal.id, period: "week" });
    });
    made = await notificationsOf(db, t.team.id);
    const mo = rollup.rows.find((r) => r.id === t.memberA2.id)!;
    const moAlerts = made.filter((n) => n.userId === t.memberA2.userId);
    expect(moAlerts).toHaveLength(1);
    expect(moAlerts[0]!.dedupeKey).toBe(`behind:${t.memberA2.id}:2027-03-18`);
    expect(moAlerts[0]!.title).toContain(`You're ${mo.ownExpected - mo.ownActual} calls behind`);
    // London's people were not woken at 23:30.
    expect(made.filter((n) => n.userId === t.memberA1.userId)).toHaveLength(1);
  });

  it("follow the team's main goal while it runs", async () => {
    const db = env.db;
    const { t, metric } = await behindScenario(db);
    // Leader B's branch goal on the same calls, made the team's main goal: its people are on pace, and the people
    // behind on the team-wide goal are not in it, so nobody is alerted today.
    const main = await makeGoal(db, {
      teamId: t.team.id,
      rootMembershipId: t.leaderB.id,
      metricId: metric.id,
      target: 92,
      startDate: "2027-03-01",
      deadline: "2027-03-31",
      name: "B calls",
    });
    await db.goal.update({ where: { id: main.id }, data: { mainSince: toDbDay("2027-03-01") } });
    expect(await alertGoalId(db, t.team.id, "2027-03-17")).toBe(main.id);
    await sendBehindPaceAlerts(db);
    expect(await notificationsOf(db, t.team.id)).toEqual([]);
  });

  it("tells an upline nothing on a member's first week behind", async () => {
    const db = env.db;
    const { t } = await behindScenario(db);
    // Mo logs last week after all: behind this week only, like Mia.
    const metricId = (await db.metric.findFirstOrThrow({ where: { teamId: t.team.id, key: "calls" } })).id;
    await makeEntriesWithTotals(db, {
      teamId: t.team.id,
      metricId,
      entries: workdays("2027-03-08", "2027-03-12").map((day) => ({ membershipId: t.memberA2.id, day, amount: 3 })),
    });
    await sendBehindPaceAlerts(db);
    const made = await notificationsOf(db, t.team.id);
    expect(made.filter((n) => n.kind === "DOWNLINE_BEHIND")).toEqual([]);
    expect(made.filter((n) => n.kind === "BEHIND_PACE")).toHaveLength(2);
  });
});

describe("commitment due", () => {
  it("is sent once, on the morning of the last open day of the committed week", async () => {
    const db = env.db;
    const t = await makeTestTree(db);
    const metric = await makeMetric(db, { teamId: t.team.id, key: "calls", name: "Calls", unit: "COUNT" });
    const ben = await db.commitment.create({
      data: {
        teamId: t.team.id,
        membershipId: t.memberB1.id,
        weekStart: toDbDay("2027-03-15"),
        text: "Ten calls to old customers",
        metricId: metric.id,
        amount: 10,
        enteredById: t.memberB1.id,
      },
      select: { id: true },
    });
    const max = await db.commitment.create({
      data: {
        teamId: t.team.id,
        membershipId: t.memberA1a.id,
        weekStart: toDbDay("2027-03-15"),
        text: "Book two presentations",
        enteredById: t.memberA1a.id,
      },
      select: { id: true },
    });
    // Max is off on Friday: his week's last open day is Thursday.
    await db.memberDayOff.create({ data: { membershipId: t.memberA1a.id, day: toDbDay("2027-03-19") } });
    await makeEntriesWithTotals(db, {
      teamId: t.team.id,
      metricId: metric.id,
      entries: [
        { membershipId: t.memberB1.id, day: "2027-03-15", amount: 4 },
        { membershipId: t.memberB1.id, day: "2027-03-18", amount: 3 },
      ],
    });

    // Wednesday: not due yet.
    await sendCommitmentDueAlerts(db);
    expect(await notificationsOf(db, t.team.id)).toEqual([]);

    // Thursday morning: Max's.
    await atInstant("2027-03-18T08:30:00Z", async () => {
      await sendCommitmentDueAlerts(db);
      await sendCommitmentDueAlerts(db);
    });
    let made = await notificationsOf(db, t.team.id);
    expect(made).toEqual([
      {
        userId: t.memberA1a.userId,
        kind: "COMMITMENT_DUE",
        title: "Your commitment for this week is due today",
        body: "“Book two presentations”",
        url: `/${t.team.slug}/review`,
        dedupeKey: `commitment-due:${max.id}`,
      },
    ]);

    // Friday morning: Ben's, with what he logged of it; twice is still once.
    await atInstant("2027-03-19T09:15:00Z", async () => {
      expect((await sendCommitmentDueAlerts(db)).made).toBe(1);
      expect((await sendCommitmentDueAlerts(db)).made).toBe(0);
    });
    made = await notificationsOf(db, t.team.id);
    expect(made).toHaveLength(2);
    const benAlert = made.find((n) => n.userId === t.memberB1.userId)!;
    expect(benAlert.body).toBe("“Ten calls to old customers” So far this week: 7 of 10 calls.");
    expect(benAlert.dedupeKey).toBe(`commitment-due:${ben.id}`);
  });
});

describe("goal closed", () => {
  it("tells the goal's branch once, from the morning after the deadline, with the closing summary's numbers", async () => {
    const db = env.db;
    const t = await makeTestTree(db);
    const metric = await makeMetric(db, { teamId: t.team.id, key: "sales", name: "Sales", unit: "MONEY" });
    // A branch goal of Leader A's: only his branch hears of it.
    const goal = await makeGoal(db, {
      teamId: t.team.id,
      rootMembershipId: t.leaderA.id,
      metricId: metric.id,
      target: 5_000_000,
      startDate: "2027-03-01",
      deadline: "2027-03-16",
      name: "Spring push",
    });
    await makeEntriesWithTotals(db, {
      teamId: t.team.id,
      metricId: metric.id,
      entries: [
        { membershipId: t.leaderA.id, day: "2027-03-02", amount: 2_000_000 },
        { membershipId: t.memberA1.id, day: "2027-03-09", amount: 1_500_000 },
        { membershipId: t.memberA2.id, day: "2027-03-15", amount: 1_320_000 },
        { membershipId: t.memberB1.id, day: "2027-03-15", amount: 999_900 },
      ],
    });

    // Before the deadline has passed, and before 08:00 the morning after: nothing.
    await atInstant("2027-03-16T12:00:00Z", () => sendGoalClosedAlerts(db));
    await atInstant("2027-03-17T06:00:00Z", () => sendGoalClosedAlerts(db));
    expect(await notificationsOf(db, t.team.id)).toEqual([]);

    await sendGoalClosedAlerts(db);
    await goalClosedJob.handler(db, {});
    const made = await notificationsOf(db, t.team.id);
    const branch = [t.leaderA, t.memberA1, t.memberA1a, t.memberA2].map((m) => m.userId).sort();
    expect(made.map((n) => n.userId).sort()).toEqual(branch);

    const leader = await env.as(t.leaderA.id);
    const closing = await leader.goal.closing({ teamId: t.team.id, goalId: goal.id });
    if (!closing.closed) throw new Error("the goal should be closed");
    expect(closing.result).toMatchObject({ actual: 4_820_000, target: 5_000_000, percent: 96 });
    for (const n of made) {
      expect(n.kind).toBe("GOAL_CLOSED");
      expect(n.title).toBe("Spring push closed: £48,200 of £50,000 (96 %)");
      expect(n.body).toBe(
        `£1,800 short of the target. ${closing.hitCount} of ${closing.members} people reached their own target.`,
      );
      expect(n.url).toBe(`/${t.team.slug}/plan/goals/${goal.id}`);
      expect(n.dedupeKey).toBe(`goal-closed:${goal.id}`);
    }
  });
});
