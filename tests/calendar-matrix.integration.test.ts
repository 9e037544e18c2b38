/**
 * The calendar matrix: the three daily journeys — publish a goal, a member logs, the dashboard and a weekly review —
 * at the instants where calendars go wrong, for a team far from UTC (Pacific/Auckland, Monday–Friday, weeks from
 * Monday), with members living in New York and London. Every expected number is written out below, worked by hand
 * from the calendar (see each row's comment), not computed by the code under test.
 *
 * The goal always runs 28 days (exactly 20 working days whatever the weekday it starts on), from 10 days before the
 * team's today, target 6,000 split evenly over 3 people (2,000 each): 300 a working day for the team, 100 each.
 */
import { randomUUID } from "node:crypto";
import { targetTable } from "@/tests/target-table";
import { afterAll, describe, expect, it } from "vitest";
import { pinClock } from "@/server/clock";
import { TEST_NOW } from "@/tests/clock";
import { addMember, makeMetric, makeTeam, makeUser } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

const env = setUpTestDatabase({ tree: "none" });
afterAll(() => {
  pinClock(TEST_NOW);
});

interface Row {
  name: string;
  instant: string;
  /** The day in Auckland (the team's today), in New York and in London at that instant. */
  auckland: string;
  newYork: string;
  london: string;
  /** Working days (Mon–Fri) from today − 10 to yesterday: what is due before today. */
  dueWorkingDays: number;
  /** Whether today − 1 is open for logging (the Log's window never reaches back before this week's Monday). */
  yesterdayLoggable: boolean;
  /** Last week (Monday–Sunday, Auckland) as the weekly review reads it, and its working days inside the goal. */
  reviewWeek: { from: string; to: string };
  reviewWeekWorkingDays: number;
}

const MATRIX: Row[] = [
  {
    // Sat 20 Mar 2027 14:00 NZDT. Due: 10–19 Mar = Wed–Fri 10–12, Mon–Fri 15–19 = 8. Goal from 10 Mar.
    // Last week 8–14 Mar: working 10, 11, 12 inside the goal = 3.
    name: "a Saturday",
    instant: "2027-03-20T01:00:00Z",
    auckland: "2027-03-20",
    newYork: "2027-03-19",
    london: "2027-03-20",
    dueWorkingDays: 8,
    yesterdayLoggable: true,
    reviewWeek: { from: "2027-03-08", to: "2027-03-14" },
    reviewWeekWorkingDays: 3,
  },
  {
    // Sun 21 Mar 2027 23:30 NZDT (10:30 UTC, still Sunday morning in London). Due: 11–20 Mar = 11, 12, 15–19 = 7.
    // Last week 8–14 Mar inside the goal (from 11 Mar): 11, 12 = 2.
    name: "a Sunday 23:30",
    instant: "2027-03-21T10:30:00Z",
    auckland: "2027-03-21",
    newYork: "2027-03-21",
    london: "2027-03-21",
    dueWorkingDays: 7,
    yesterdayLoggable: true,
    reviewWeek: { from: "2027-03-08", to: "2027-03-14" },
    reviewWeekWorkingDays: 2,
  },
  {
    // Mon 22 Mar 2027 00:30 NZDT = Sun 21 Mar 11:30 UTC: the UTC day is still Sunday. Due: 12–21 Mar = 12, 15–19 = 6.
    // Yesterday (Sunday) is last week: not loggable. Last week 15–21 Mar: 15–19 = 5.
    name: "a Monday 00:30",
    instant: "2027-03-21T11:30:00Z",
    auckland: "2027-03-22",
    newYork: "2027-03-21",
    london: "2027-03-21",
    dueWorkingDays: 6,
    yesterdayLoggable: false,
    reviewWeek: { from: "2027-03-15", to: "2027-03-21" },
    reviewWeekWorkingDays: 5,
  },
  {
    // Fri 31 Dec 2027 23:50 NZDT. Due: 21–30 Dec = Tue 21–Thu 23, Fri 24, Mon 27–Thu 30 = 8.
    // Last week 20–26 Dec inside the goal (from 21 Dec): 21–24 = 4.
    name: "31 Dec 23:50",
    instant: "2027-12-31T10:50:00Z",
    auckland: "2027-12-31",
    newYork: "2027-12-31",
    london: "2027-12-31",
    dueWorkingDays: 8,
    yesterdayLoggable: true,
    reviewWeek: { from: "2027-12-20", to: "2027-12-26" },
    reviewWeekWorkingDays: 4,
  },
  {
    // Sat 1 Jan 2028 00:05 NZDT, fifteen minutes later: a new year in Auckland, still 31 Dec in London and New York.
    // Due: 22–31 Dec = 22–24, 27–31 = 8. Last week 20–26 Dec inside the goal (from 22 Dec): 22–24 = 3.
    name: "1 Jan 00:05, fifteen minutes later",
    instant: "2027-12-31T11:05:00Z",
    auckland: "2028-01-01",
    newYork: "2027-12-31",
    london: "2027-12-31",
    dueWorkingDays: 8,
    yesterdayLoggable: true,
    reviewWeek: { from: "2027-12-20", to: "2027-12-26" },
    reviewWeekWorkingDays: 3,
  },
  {
    // Europe/London springs forward at 01:00 UTC on Sun 28 Mar 2027: 02:30 BST, 14:30 NZDT. Due: 18–27 Mar =
    // 18, 19, 22–26 = 7. Last week 15–21 Mar inside the goal (from 18 Mar): 18, 19 = 2.
    name: "London's spring-forward day",
    instant: "2027-03-28T01:30:00Z",
    auckland: "2027-03-28",
    newYork: "2027-03-27",
    london: "2027-03-28",
    dueWorkingDays: 7,
    yesterdayLoggable: true,
    reviewWeek: { from: "2027-03-15", to: "2027-03-21" },
    reviewWeekWorkingDays: 2,
  },
  {
    // America/New_York springs forward at 07:00 UTC on Sun 14 Mar 2027: 03:30 EDT, 20:30 NZDT. Due: 4–13 Mar =
    // Thu 4, Fri 5, 8–12 = 7. Last week 1–7 Mar inside the goal (from 4 Mar): 4, 5 = 2.
    name: "New York's spring-forward day",
    instant: "2027-03-14T07:30:00Z",
    auckland: "2027-03-14",
    newYork: "2027-03-14",
    london: "2027-03-14",
    dueWorkingDays: 7,
    yesterdayLoggable: true,
    reviewWeek: { from: "2027-03-01", to: "2027-03-07" },
    reviewWeekWorkingDays: 2,
  },
  {
    // Tue 29 Feb 2028 13:00 NZDT. Due: 19–28 Feb = Mon 21–Fri 25, Mon 28 = 6 (19, 20, 26, 27 are weekends).
    // Last week 21–27 Feb: 21–25 = 5. Yesterday (Mon 28) is this week: loggable.
    name: "29 Feb 2028",
    instant: "2028-02-29T00:00:00Z",
    auckland: "2028-02-29",
    newYork: "2028-02-28",
    london: "2028-02-29",
    dueWorkingDays: 6,
    yesterdayLoggable: true,
    reviewWeek: { from: "2028-02-21", to: "2028-02-27" },
    reviewWeekWorkingDays: 5,
  },
];

const plus = (day: string, days: number) =>
  new Date(toDbDay(day).getTime() + days * 86_400_000).toISOString().slice(0, 10);

describe("the calendar matrix (Pacific/Auckland team, members in New York and London)", () => {
  for (const row of MATRIX) {
    it(`${row.name} (${row.instant}): publish, log, dashboard and review agree with the calendar`, async () => {
      const db = env.db;
      pinClock(row.instant, { frozen: true });
      const ownerUser = await makeUser(db, { name: "Aroha Owner" });
      const team = await makeTeam(db, {
        ownerId: ownerUser.id,
        input: {
          name: `Matariki ${row.name}`,
          currency: "NZD",
          timeZone: "Pacific/Auckland",
          weekStartsOn: 1,
          workingDays: [1, 2, 3, 4, 5],
        },
      });
      const kiri = await addMember(db, { teamId: team.id, parentId: team.membershipId, name: "Kiri Auckland" });
      const nina = await addMember(db, { teamId: team.id, parentId: team.membershipId, name: "Nina New York" });
      const leo = await addMember(db, { teamId: team.id, parentId: nina.id, name: "Leo London" });
      await db.membership.update({ where: { id: nina.id }, data: { timeZone: "America/New_York" } });
      await db.membership.update({ where: { id: leo.id }, data: { timeZone: "Europe/London" } });
      // Leo joins under Nina, so the even split is over 4 people: 1,500 each, 75 a working day each.
      const calls = await makeMetric(db, {
        teamId: team.id,
        key: "calls",
        name: "Calls",
        kind: "ACTIVITY",
        unit: "COUNT",
      });
      const owner = await env.as(team.membershipId);

      // 1. Publish: 28 days from today − 10 → 20 working days; 6,000 over 4 people.
      const start = plus(row.auckland, -10);
      const deadline = plus(row.auckland, 17);
      const goal = await owner.goal.create({
        teamId: team.id,
        name: "6,000 calls",
        metricId: calls.id,
        target: 6000,
        startDate: start,
        deadline,
        publish: true,
      });
      const targets = await targetTable(db).findMany({
        where: { goalId: goal.id },
        select: { membershipId: true, personal: true },
      });
      expect(targets.map((t) => t.personal)).toEqual([1500, 1500, 1500, 1500]);

      // 2. Log: each member's "today" is the day where they live; the Log refuses the future and last week.
      const log = async (membershipId: string, amount: number, day?: string) => {
        const caller = await env.as(membershipId);
        const result = await caller.entry.log({
          teamId: team.id,
          entries: [{ id: randomUUID(), metricId: calls.id, amount, ...(day ? { day } : {}) }],
        });
        return { today: result.today, status: result.results[0]!.status };
      };
      expect(await log(kiri.id, 40)).toEqual({ today: row.auckland, status: "created" });
      expect(await log(nina.id, 30)).toEqual({ today: row.newYork, status: "created" });
      expect(await log(leo.id, 20)).toEqual({ today: row.london, status: "created" });
      const days = await db.entry.findMany({ where: { teamId: team.id }, select: { membershipId: true, day: true } });
      const dayOf = (id: string) => toIsoDay(days.find((e) => e.membershipId === id)!.day); // one entry each so far
      expect(dayOf(kiri.id)).toBe(row.auckland);
      expect(dayOf(nina.id)).toBe(row.newYork);
      expect(dayOf(leo.id)).toBe(row.london);
      expect((await log(kiri.id, 1, plus(row.auckland, 1))).status).toBe("rejected"); // tomorrow in Auckland
      expect((await log(kiri.id, 5, plus(row.auckland, -1))).status).toBe(
        row.yesterdayLoggable ? "created" : "rejected",
      );
      const kiriYesterday = row.yesterdayLoggable ? 5 : 0;

      // 3. Dashboard: due through yesterday in Auckland; 300 a working day for the team, 75 for each person.
      const rollup = await owner.dashboard.rollup({ teamId: team.id, goalId: goal.id, period: "week" });
      expect(rollup.dueThrough).toBe(plus(row.auckland, -1));
      const root = rollup.rows.find((r) => r.id === team.membershipId)!;
      expect(root.goal.teamExpected).toBe(300 * row.dueWorkingDays);
      const actualInGoal = [
        [row.auckland, 40],
        [row.newYork, 30],
        [row.london, 20],
        [plus(row.auckland, -1), kiriYesterday],
      ]
        .filter(([day]) => (day as string) >= start && (day as string) <= deadline)
        .reduce((sum, [, amount]) => sum + (amount as number), 0);
      expect(root.goal.teamActual).toBe(actualInGoal);
      const kiriRow = rollup.rows.find((r) => r.id === kiri.id)!;
      expect(kiriRow.goal.teamExpected).toBe(75 * row.dueWorkingDays);

      // 4. Weekly review: last week, Monday to Sunday in Auckland; the plan for it is 300 a working day in the goal.
      const { id } = await owner.review.start({ teamId: team.id, goalId: goal.id });
      const review = await owner.review.get({ teamId: team.id, reviewId: id });
      expect(review.snapshot.week).toEqual(row.reviewWeek);
      expect(review.snapshot.scoreboard.weekTarget).toBe(300 * row.reviewWeekWorkingDays);
      const inWeek = (day: string) => day >= row.reviewWeek.from && day <= row.reviewWeek.to;
      expect(review.snapshot.scoreboard.weekActual).toBe(
        (inWeek(row.auckland) ? 40 : 0) +
          (inWeek(row.newYork) ? 30 : 0) +
          (inWeek(row.london) ? 20 : 0) +
          (inWeek(plus(row.auckland, -1)) ? kiriYesterday : 0),
      );
    });
  }
});
