/**
 * Round trip of server/queries/replan.ts (`goalReplans`) and of the charts' `branchShareGroups`
 * (server/queries/dashboard.ts) on a real database: what is stored is read back decoded — days as YYYY-MM-DD, the
 * commitment, the member's target, and only the daily totals of the goal's metric before the re-plan's first day.
 */
import { describe, expect, it } from "vitest";
import { toDbDay } from "@/server/domain/db-day";
import { branchShareGroups } from "@/server/queries/dashboard";
import { addDailyTotal, makeGoal, makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { goalReplans } from "./replan";

const env = setUpTestDatabase({ tree: "once" });

describe("goalReplans and branchShareGroups", () => {
  it("read back every re-plan of a goal with its member's target and daily totals before it", async () => {
    const { db, t } = env;
    const teamId = t.team.id;
    const metric = await makeMetric(db, { teamId, key: "sales" });
    const other = await makeMetric(db, { teamId, key: "calls" });
    const goal = await makeGoal(db, {
      teamId,
      rootMembershipId: t.owner.id,
      metricId: metric.id,
      target: 7_000,
      startDate: "2027-03-01",
      deadline: "2027-03-31",
    });
    const log = (membershipId: string, metricId: string, day: string, total: number) =>
      addDailyTotal(db, { teamId, membershipId, metricId, day, total });
    await log(t.memberA1.id, metric.id, "2027-02-27", 99); // before the goal
    await log(t.memberA1.id, metric.id, "2027-03-02", 12);
    await log(t.memberA1.id, metric.id, "2027-03-05", -2); // a correction
    await log(t.memberA1.id, other.id, "2027-03-03", 40); // another metric
    await log(t.memberA1.id, metric.id, "2027-03-10", 7); // on the re-plan's first day: not before it
    await log(t.memberA1a.id, metric.id, "2027-03-04", 5);
    await db.targetReplan.createMany({
      data: [
        { goalId: goal.id, membershipId: t.memberA1.id, fromDate: toDbDay("2027-03-10"), base: 10 },
        {
          goalId: goal.id,
          membershipId: t.memberA1a.id,
          fromDate: toDbDay("2027-03-17"),
          base: 5,
          fixedFrom: toDbDay("2027-03-22"),
          fixedTo: toDbDay("2027-03-28"),
          fixedAmount: 150,
        },
      ],
    });
    const personal = (id: string) => goal.targets.get(id)!.personal;

    const args = { teamId, goalId: goal.id, metricId: metric.id, start: "2027-03-01" };
    expect(await goalReplans(db, args)).toEqual(
      [
        {
          membershipId: t.memberA1.id,
          fromDate: "2027-03-10",
          fixed: null,
          personal: personal(t.memberA1.id),
          daily: [
            { day: "2027-03-02", total: 12 },
            { day: "2027-03-05", total: -2 },
          ],
        },
        {
          membershipId: t.memberA1a.id,
          fromDate: "2027-03-17",
          fixed: { from: "2027-03-22", to: "2027-03-28", amount: 150 },
          personal: personal(t.memberA1a.id),
          daily: [{ day: "2027-03-04", total: 5 }],
        },
      ].sort((a, b) => (a.membershipId < b.membershipId ? -1 : 1)),
    );
    expect((await goalReplans(db, { ...args, membershipIds: [t.memberA1a.id] })).map((r) => r.membershipId)).toEqual([
      t.memberA1a.id,
    ]);
    expect(await goalReplans(db, { ...args, membershipIds: [] })).toEqual([]);

    // The charts' share groups of Leo's subtree: one row per (branch, share), a re-planned member on their own.
    const groups = await branchShareGroups(db, { teamId, rootId: t.leaderA.id, goalId: goal.id });
    const expected = [
      { branch: t.leaderA.id, share: personal(t.leaderA.id), count: 1, replannedId: null },
      { branch: t.memberA1.id, share: personal(t.memberA1.id), count: 1, replannedId: t.memberA1.id },
      { branch: t.memberA1.id, share: personal(t.memberA1a.id), count: 1, replannedId: t.memberA1a.id },
      { branch: t.memberA2.id, share: personal(t.memberA2.id), count: 1, replannedId: null },
    ];
    const key = (g: { branch: string; replannedId: string | null; share: number }) =>
      `${g.branch}|${g.replannedId ?? ""}|${g.share}`;
    expect([...groups].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      expected.sort((a, b) => key(a).localeCompare(key(b))),
    );
  });
});
