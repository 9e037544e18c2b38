/**
 * Round trip of server/queries/dashboard.ts on a real database: every query runs on a small team and its decoded
 * rows are compared with what was written (branches, funnel, activity, the CSV's members and days, victories with
 * cheers), so a renamed or retyped column fails here.
 */
import { describe, expect, it } from "vitest";
import {
  activityTotals,
  branchDailyTotals,
  exportMembers,
  funnelDone,
  goalBranches,
  memberPeriodTotals,
  victoriesInSubtree,
} from "@/server/queries/dashboard";
import { toDbDay } from "@/server/domain/db-day";
import { addDailyTotal, makeFunnelMetrics, makeGoal } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "once" });

async function world() {
  const { db, t } = env;
  const teamId = t.team.id;
  const m = await makeFunnelMetrics(db, { teamId });
  const goal = await makeGoal(db, {
    teamId,
    rootMembershipId: t.owner.id,
    metricId: m.volume.id,
    target: 7000,
    startDate: "2027-03-01",
    deadline: "2027-03-31",
  });
  const log = (membershipId: string, metricId: string, day: string, total: number) =>
    addDailyTotal(db, { teamId, membershipId, metricId, day, total });
  await log(t.memberA1a.id, m.volume.id, "2027-03-02", 500);
  await log(t.memberA1.id, m.volume.id, "2027-03-02", 250);
  await log(t.leaderA.id, m.volume.id, "2027-03-10", 40);
  await log(t.memberB1.id, m.volume.id, "2027-03-03", 9);
  await log(t.memberA1.id, m.contacts.id, "2027-03-02", 30);
  await log(t.memberA2.id, m.presentations.id, "2027-03-04", 4);
  await log(t.memberA2.id, m.contacts.id, "2027-04-02", 99); // outside every range below
  return { ...t, teamId, m, goal };
}

describe("dashboard queries", () => {
  it("decode every column of every query", async () => {
    const { db } = env;
    const w = await world();
    const range = { from: "2027-03-01", to: "2027-03-31" };

    // Charts, from leader A: branches are A's own node and each direct member's team.
    const subtreeA = { teamId: w.teamId, rootId: w.leaderA.id };
    const days = await branchDailyTotals(db, { ...subtreeA, metricId: w.m.volume.id, ...range });
    expect(days.sort((a, b) => a.day.localeCompare(b.day) || a.branch.localeCompare(b.branch))).toEqual(
      [
        { branch: w.memberA1.id, day: "2027-03-02", total: 750 },
        { branch: w.leaderA.id, day: "2027-03-10", total: 40 },
      ].sort((a, b) => a.day.localeCompare(b.day) || a.branch.localeCompare(b.branch)),
    );
    const share = (...ids: string[]) => ids.reduce((s, id) => s + w.goal.targets.get(id)!.personal, 0);
    expect(await goalBranches(db, { ...subtreeA, goalId: w.goal.id })).toEqual([
      { branch: w.leaderA.id, name: "Leo Leader A", share: share(w.leaderA.id), members: 1 },
      { branch: w.memberA1.id, name: "Mia A1", share: share(w.memberA1.id, w.memberA1a.id), members: 2 },
      { branch: w.memberA2.id, name: "Mo A2", share: share(w.memberA2.id), members: 1 },
    ]);
    expect(await funnelDone(db, { ...subtreeA, resultMetricId: w.m.volume.id, ...range })).toEqual([
      { key: "contacts", name: "Contacts", position: 0, fromCount: 30, toCount: 10, done: 30 },
      { key: "presentations", name: "Presentations", position: 1, fromCount: 10, toCount: 1, done: 4 },
      { key: "sponsors", name: "New sponsors", position: 2, fromCount: 1, toCount: 50_000, done: 0 },
    ]);

    // Leaderboard: activity metrics only, members with none absent.
    const activity = await activityTotals(db, { teamId: w.teamId, rootId: w.owner.id, ...range });
    expect(activity.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: w.memberA1.id, total: 30 },
        { id: w.memberA2.id, total: 4 },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );

    // CSV: members by depth then name, with upline email and share; every day of the metric in range.
    const members = await exportMembers(db, { ...subtreeA, goalId: w.goal.id });
    const email = async (id: string) =>
      (await db.membership.findUniqueOrThrow({ where: { id }, select: { user: { select: { email: true } } } })).user
        .email;
    expect(members).toEqual([
      {
        id: w.leaderA.id,
        parentId: w.owner.id,
        name: "Leo Leader A",
        email: await email(w.leaderA.id),
        uplineEmail: await email(w.owner.id),
        share: share(w.leaderA.id),
      },
      {
        id: w.memberA1.id,
        parentId: w.leaderA.id,
        name: "Mia A1",
        email: await email(w.memberA1.id),
        uplineEmail: await email(w.leaderA.id),
        share: share(w.memberA1.id),
      },
      {
        id: w.memberA2.id,
        parentId: w.leaderA.id,
        name: "Mo A2",
        email: await email(w.memberA2.id),
        uplineEmail: await email(w.leaderA.id),
        share: share(w.memberA2.id),
      },
      {
        id: w.memberA1a.id,
        parentId: w.memberA1.id,
        name: "Max A1a",
        email: await email(w.memberA1a.id),
        uplineEmail: await email(w.memberA1.id),
        share: share(w.memberA1a.id),
      },
    ]);
    // Per period, summed in SQL: two periods from 1 March, the entries of 2 March in the first; none on the 9th.
    const totals = await memberPeriodTotals(db, {
      ...subtreeA,
      metricId: w.m.volume.id,
      from: "2027-03-01",
      to: "2027-03-09",
      periodStarts: ["2027-03-01", "2027-03-02", "2027-03-08"],
    });
    expect(totals.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: w.memberA1a.id, totals: [0, 500, 0] },
        { id: w.memberA1.id, totals: [0, 250, 0] },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );

    // Victories: newest first, in range, with cheers and whether the viewer cheered.
    const victory = (membershipId: string, key: string, day: string, title: string) =>
      db.victory.create({
        data: { teamId: w.teamId, membershipId, kind: "RECORD", key, title, day: toDbDay(day) },
        select: { id: true },
      });
    const older = await victory(w.memberA1.id, "record-1", "2027-03-02", "Best day yet");
    const newer = await victory(w.memberA1a.id, "streak-1", "2027-03-09", "Five days in a row");
    await victory(w.memberB1.id, "record-2", "2027-03-08", "Not in A's team");
    await db.cheer.createMany({
      data: [
        { victoryId: newer.id, membershipId: w.leaderA.id },
        { victoryId: newer.id, membershipId: w.owner.id },
        { victoryId: older.id, membershipId: w.owner.id },
      ],
    });
    const feed = await victoriesInSubtree(db, { ...subtreeA, viewerId: w.leaderA.id, limit: 10, ...range });
    expect(feed).toEqual([
      {
        id: newer.id,
        kind: "RECORD",
        title: "Five days in a row",
        day: "2027-03-09",
        memberId: w.memberA1a.id,
        name: "Max A1a",
        cheers: 2,
        cheeredByMe: true,
      },
      {
        id: older.id,
        kind: "RECORD",
        title: "Best day yet",
        day: "2027-03-02",
        memberId: w.memberA1.id,
        name: "Mia A1",
        cheers: 1,
        cheeredByMe: false,
      },
    ]);
    expect(
      await victoriesInSubtree(db, {
        ...subtreeA,
        viewerId: w.leaderA.id,
        limit: 1,
        from: "2027-03-01",
        to: "2027-03-05",
      }),
    ).toEqual([feed[1]]);
  });
});
