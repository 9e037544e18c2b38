/**
 * `npm run seed:scale` at a small size on the test database (PGlite by default, PostgreSQL in CI's second pass): the
 * tree is one connected genealogy with wide uplines and long legs, the activity's raw entries add up to the daily
 * totals, the goal is cascaded exactly, the triggers kept GoalActual exact through the bulk inserts, the dashboard
 * reads it, and a second run replaces the team without leaving anything behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { targetTable } from "@/tests/target-table";
import type { Database } from "@/server/db-client";
import { callerForMember } from "@/tests/caller";
import { createTestDatabase } from "@/tests/setup/test-db";
import { seedScale } from "./seed-scale";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
const db = () => database.db;

const MEMBERS = 1_500;
const DAYS = 20;
const TODAY = "2026-11-20";

async function counts(teamId: string) {
  const [row] = await db().$queryRaw<Record<string, number>[]>`
    SELECT (SELECT count(*)::int FROM "Membership" WHERE "teamId" = ${teamId}) AS members,
           (SELECT count(*)::int FROM "DailyTotal" WHERE "teamId" = ${teamId}) AS "dailyTotals",
           (SELECT count(*)::int FROM "Entry" WHERE "teamId" = ${teamId}) AS entries,
           (SELECT count(*)::int FROM "Goal" WHERE "teamId" = ${teamId}) AS goals,
           (SELECT count(*)::int FROM "GoalActual" ga JOIN "Goal" g ON g.id = ga."goalId" WHERE g."teamId" = ${teamId}) AS "goalActuals",
           (SELECT count(*)::int FROM "User" WHERE email LIKE ${`%@scale-${MEMBERS}.test`}) AS users`;
  return row!;
}

describe("seed:scale", () => {
  it("seeds a deep, uneven tree with activity and a cascaded goal, and re-seeding replaces it", async () => {
    const first = await seedScale(db(), { members: MEMBERS, days: DAYS, entries: true, today: TODAY });
    expect(first.members).toBe(MEMBERS);
    expect(first.maxDepth).toBeGreaterThanOrEqual(30);

    // One tree: a single root; every other member's upline is in the team; some uplines are wide.
    const [shape] = await db().$queryRaw<{ roots: number; orphans: number; widest: number }[]>`
      SELECT (SELECT count(*)::int FROM "Membership" WHERE "teamId" = ${first.teamId} AND "parentId" IS NULL) AS roots,
             (SELECT count(*)::int FROM "Membership" m LEFT JOIN "Membership" p ON p.id = m."parentId" AND p."teamId" = m."teamId"
               WHERE m."teamId" = ${first.teamId} AND m."parentId" IS NOT NULL AND p.id IS NULL) AS orphans,
             (SELECT max(n)::int FROM (SELECT count(*) AS n FROM "Membership" WHERE "teamId" = ${first.teamId} GROUP BY "parentId") c) AS widest`;
    expect(shape).toEqual({ roots: 1, orphans: 0, widest: expect.any(Number) });
    expect(shape!.widest).toBeGreaterThanOrEqual(50);

    // Activity on working days within the window; the raw entries add up to the daily totals.
    const [activity] = await db().$queryRaw<
      { first: string; last: string; weekend: number; mismatched: number; metrics: number }[]
    >`
      SELECT min(day)::text AS first, max(day)::text AS last,
             count(*) FILTER (WHERE extract(isodow FROM day) > 5)::int AS weekend,
             (SELECT count(*)::int FROM "DailyTotal" dt
               WHERE dt."teamId" = ${first.teamId}
                 AND dt.total <> (SELECT COALESCE(sum(e.amount), 0) FROM "Entry" e
                                   WHERE e."membershipId" = dt."membershipId" AND e."metricId" = dt."metricId" AND e.day = dt.day)) AS mismatched,
             count(DISTINCT "metricId")::int AS metrics
        FROM "DailyTotal" WHERE "teamId" = ${first.teamId}`;
    expect(activity!.first >= "2026-11-01" && activity!.last <= TODAY).toBe(true);
    expect(activity).toMatchObject({ weekend: 0, mismatched: 0, metrics: 4 });
    expect(first.dailyTotals).toBeGreaterThan(MEMBERS);
    expect(first.entries).toBe(first.dailyTotals);

    // The goal's split adds up exactly: personal targets to the goal's target, the root's team target to it too.
    const goal = await db().goal.findUniqueOrThrow({ where: { id: first.goalId }, select: { target: true } });
    const rows = await targetTable(db()).findMany({ where: { goalId: first.goalId } });
    const targets = {
      personal: rows.reduce((s, r) => s + r.personal, 0),
      members: rows.length,
      rootTeam: rows.find((r) => r.membershipId === first.rootMembershipId)?.team,
    };
    expect(targets).toEqual({ personal: goal.target, members: MEMBERS, rootTeam: goal.target });

    // GoalActual (kept by triggers through the bulk inserts) equals a recount of the goal's metric in its window.
    const [drift] = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT dt."membershipId", sum(dt.total) AS total FROM "DailyTotal" dt JOIN "Goal" g ON g.id = ${first.goalId}
         WHERE dt."teamId" = g."teamId" AND dt."metricId" = g."metricId" AND dt.day BETWEEN g."startDate" AND g.deadline
         GROUP BY dt."membershipId") r
      FULL JOIN (SELECT "membershipId", total FROM "GoalActual" WHERE "goalId" = ${first.goalId} AND total <> 0) ga
        ON ga."membershipId" = r."membershipId"
       WHERE r.total IS DISTINCT FROM ga.total`;
    expect(drift!.n).toBe(0);

    // The dashboard reads the seeded team: every member, the root's goal-to-date is all the team volume so far.
    const owner = await callerForMember(db(), first.rootMembershipId);
    const rollup = await owner.dashboard.rollup({ teamId: first.teamId, goalId: first.goalId, period: "goal" });
    expect(rollup.rows).toHaveLength(MEMBERS);
    const [volume] = await db().$queryRaw<{ total: number }[]>`
      SELECT COALESCE(sum(total), 0)::float8 AS total FROM "DailyTotal" dt JOIN "Goal" g ON g.id = ${first.goalId}
       WHERE dt."metricId" = g."metricId" AND dt.day BETWEEN g."startDate" AND LEAST(g.deadline, ${rollup.goalAsOf}::date)`;
    expect(rollup.rows[0]!.goal.teamActual).toBe(volume!.total);

    // Re-seeding replaces the team: the same data again, nothing left over from the first run.
    const before = await counts(first.teamId);
    const second = await seedScale(db(), { members: MEMBERS, days: DAYS, entries: true, today: TODAY });
    expect(second.teamId).toBe(first.teamId);
    expect(await counts(second.teamId)).toEqual(before);
    expect(before).toMatchObject({
      members: MEMBERS,
      users: MEMBERS,
      goals: 1,
      dailyTotals: first.dailyTotals,
      entries: first.entries,
    });
  });

  it("refuses bad sizes with a clear message", async () => {
    await expect(seedScale(db(), { members: 1, days: 10, entries: false })).rejects.toThrow(
      "--members must be a whole number ≥ 2",
    );
    await expect(seedScale(db(), { members: 10, days: 0, entries: false })).rejects.toThrow(
      "--days must be a whole number 1–366",
    );
  });
});
