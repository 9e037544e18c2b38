/**
 * Round trip of server/queries/rollup.ts on a real database: both shapes of the roll-up read (the whole team, a
 * subtree) return every member with the decoded values the domain roll-up expects — upline and its position, depth,
 * role, shares, period / goal-to-date / run-rate window actuals (GoalActual minus what lies after the as-of day),
 * names with quotes, commas and the names' separator — in (depth, slot) order, and the removed members with history
 * in the goal (only those) under their former upline.
 */
import { describe, expect, it } from "vitest";
import type { MemberProgress } from "@/server/domain/rollup";
import { readRollupRows, type RollupRowsArgs } from "@/server/queries/rollup";
import { addDailyTotal, addMember, makeGoal, makeMetric, makeTeam, makeUser } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "once" });

/** The goal's March, read on the 17th for the week from the 15th, with a run-rate window from the 4th. */
const MARCH = {
  start: "2027-03-01",
  goalAsOf: "2027-03-17",
  deadline: "2027-03-31",
  period: { from: "2027-03-15", asOf: "2027-03-17" },
  windowFrom: "2027-03-04",
} as const;

describe("readRollupRows", () => {
  it("reads the whole team and a subtree, parents first, with every column decoded", async () => {
    const { db, t } = env;
    const teamId = t.team.id;
    // A name with a quote and a comma travels JSON-quoted inside the row text.
    const a2User = await db.membership.findUniqueOrThrow({ where: { id: t.memberA2.id }, select: { userId: true } });
    await db.user.update({ where: { id: a2User.userId }, data: { name: 'Mo "A2", the second' } });
    const metric = await makeMetric(db, { teamId, kind: "RESULT", unit: "COUNT" });
    const goal = await makeGoal(db, {
      teamId,
      rootMembershipId: t.owner.id,
      metricId: metric.id,
      target: 7000,
      startDate: "2027-03-01",
      deadline: "2027-03-31",
    });
    const log = (membershipId: string, day: string, total: number) =>
      addDailyTotal(db, { teamId, membershipId, metricId: metric.id, day, total });
    await log(t.memberA1a.id, "2027-03-02", 5); // goal to date only
    await log(t.memberA1a.id, "2027-03-10", 7); // and the run-rate window
    await log(t.memberA1.id, "2027-03-16", 11); // the period, the window and goal to date
    await log(t.memberB1.id, "2027-02-20", 100); // before the goal: nowhere
    await log(t.leaderA.id, "2027-03-20", 13); // after the as-of day: nowhere
    // Two members of A1 removed since: one with an actual in the goal (a row, LEFT, under A1), one with nothing (none).
    const goneWithHistory = await addMember(db, { teamId, parentId: t.memberA1.id, name: "Gus Gone" });
    const goneWithout = await addMember(db, { teamId, parentId: t.memberA1.id, name: "Nia Nothing" });
    await log(goneWithHistory.id, "2027-03-16", 3);
    for (const gone of [goneWithHistory, goneWithout]) {
      await db.membership.update({
        where: { id: gone.id },
        data: { status: "REMOVED", parentId: null, formerParentId: t.memberA1.id },
      });
    }

    const args: RollupRowsArgs = {
      teamId,
      rootId: t.owner.id,
      wholeTeam: true,
      goalId: goal.id,
      metricId: metric.id,
      ...MARCH,
    };
    const target = (id: string) => goal.targets.get(id) ?? { personal: null, team: null };
    const row = (
      id: string,
      parentId: string | null,
      depth: number,
      name: string,
      role: string,
      actual: { period: number; toDate: number; window: number },
    ): MemberProgress => ({
      id,
      parentId,
      depth,
      name,
      role,
      share: target(id).personal,
      teamShare: target(id).team,
      periodActual: actual.period,
      toDateActual: actual.toDate,
      windowActual: actual.window,
    });
    const none = { period: 0, toDate: 0, window: 0 };
    const rows = {
      owner: row(t.owner.id, null, 0, "Olivia Owner", "OWNER", none),
      leaderA: row(t.leaderA.id, t.owner.id, 1, "Leo Leader A", "LEADER", none),
      leaderB: row(t.leaderB.id, t.owner.id, 1, "Lara Leader B", "LEADER", none),
      memberA1: row(t.memberA1.id, t.leaderA.id, 2, "Mia A1", "MEMBER", { period: 11, toDate: 11, window: 11 }),
      memberA2: row(t.memberA2.id, t.leaderA.id, 2, 'Mo "A2", the second', "MEMBER", none),
      memberB1: row(t.memberB1.id, t.leaderB.id, 2, "Ben B1", "MEMBER", none),
      memberA1a: row(t.memberA1a.id, t.memberA1.id, 3, "Max A1a", "MEMBER", { period: 0, toDate: 12, window: 7 }),
      gone: row(goneWithHistory.id, t.memberA1.id, 3, "Gus Gone", "LEFT", { period: 3, toDate: 3, window: 3 }),
    };
    rows.memberA2.name = 'Mo "A2", the second';
    // Root first, then by depth and slot (join order); each row's upline position (−1 for the read's root).
    const slots = new Map(
      (await db.membership.findMany({ where: { teamId }, select: { id: true, slot: true } })).map((m) => [
        m.id,
        m.slot,
      ]),
    );
    const inOrder = (list: MemberProgress[]) => {
      const sorted = [...list].sort((a, b) => a.depth - b.depth || slots.get(a.id)! - slots.get(b.id)!);
      return sorted.map((r, i) => ({ ...r, parentIndex: i === 0 ? -1 : sorted.findIndex((p) => p.id === r.parentId) }));
    };

    const whole = await readRollupRows(db, args);
    expect(whole).toEqual(inOrder(Object.values(rows)));

    // A subtree (leader A's): depth counted from its root, whose upline stays named; the removed member comes too.
    const sub = await readRollupRows(db, { ...args, rootId: t.leaderA.id, wholeTeam: false });
    const rebased = (r: MemberProgress, depth: number) => ({ ...r, depth });
    expect(sub).toEqual(
      inOrder([
        rebased(rows.leaderA, 0),
        rebased(rows.memberA1, 1),
        rebased(rows.memberA2, 1),
        rebased(rows.memberA1a, 2),
        rebased(rows.gone, 2),
      ]),
    );
    const goalPeriod = await readRollupRows(db, {
      ...args,
      rootId: t.memberA1.id,
      wholeTeam: false,
      period: { from: "2027-03-01", asOf: "2027-03-17" },
    });
    expect(goalPeriod.map((r) => [r.id, r.periodActual, r.toDateActual])).toEqual([
      [t.memberA1.id, 11, 11],
      [t.memberA1a.id, 12, 12],
      [goneWithHistory.id, 3, 3], // joined after A1a: a later slot
    ]);
    // A root outside the team (or removed) reads nothing.
    expect(await readRollupRows(db, { ...args, rootId: "nobody", wholeTeam: false })).toEqual([]);
  });

  it("reads a team of one: the owner alone (an empty upline column is one value, not none)", async () => {
    const { db } = env;
    const owner = await makeUser(db, { name: "Olu Alone" });
    const team = await makeTeam(db, { ownerId: owner.id });
    const root = await db.membership.findFirstOrThrow({ where: { teamId: team.id }, select: { id: true } });
    const metric = await makeMetric(db, { teamId: team.id, kind: "RESULT", unit: "COUNT" });
    const goal = await makeGoal(db, {
      teamId: team.id,
      rootMembershipId: root.id,
      metricId: metric.id,
      target: 300,
      startDate: "2027-03-01",
      deadline: "2027-03-31",
    });
    await addDailyTotal(db, {
      teamId: team.id,
      membershipId: root.id,
      metricId: metric.id,
      day: "2027-03-02",
      total: 4,
    });
    const rows = await readRollupRows(db, {
      teamId: team.id,
      rootId: root.id,
      wholeTeam: true,
      goalId: goal.id,
      metricId: metric.id,
      ...MARCH,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: root.id, parentId: null, parentIndex: -1, depth: 0, name: "Olu Alone" });
    expect(rows[0]!.toDateActual).toBe(4);
  });
});
