/** Round trip of server/queries/goal-targets.ts on a real database: every write runs and what it wrote is read back. */
import { beforeAll, describe, expect, it } from "vitest";
import { targetTable } from "@/tests/target-table";
import { makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { toDbDay } from "@/server/domain/db-day";
import { insertTargetChanges, MEMBERS_ONLY_FIELD, recomputeTeamTargets, writeMemberTargets } from "./goal-targets";
import { readGoalSplit } from "./goal-split";

const env = setUpTestDatabase({ tree: "once" });
let goalId: string;

beforeAll(async () => {
  const { t } = env;
  const metric = await makeMetric(env.db, { teamId: t.team.id });
  const goal = await env.db.goal.create({
    data: {
      teamId: t.team.id,
      rootMembershipId: t.leaderA.id,
      createdById: t.leaderA.id,
      metricId: metric.id,
      name: "Round trip",
      target: 1_000,
      startDate: toDbDay("2026-11-02"),
      deadline: toDbDay("2026-11-27"),
    },
    select: { id: true },
  });
  goalId = goal.id;
});

const targetsOf = () =>
  targetTable(env.db).findMany({
    where: { goalId },
    orderBy: { membershipId: "asc" },
    select: {
      membershipId: true,
      personal: true,
      team: true,
      personalOverride: true,
      teamOverride: true,
    },
  });
const splitVersion = async () => (await readGoalSplit(env.db, goalId))?.version;

describe("goal-targets writes", () => {
  it("writeMemberTargets writes the columns given into the split, over what is stored; each write bumps its version", async () => {
    const { t } = env;
    const ids = [t.leaderA.id, t.memberA1.id, t.memberA2.id].sort();
    await writeMemberTargets(env.db, {
      goal: { id: goalId, teamId: t.team.id },
      replace: true,
      columns: { membershipIds: ids, personal: [100, 200, 300], team: [600, 200, 300] },
    });
    expect(await targetsOf()).toEqual(
      ids.map((membershipId, i) => ({
        membershipId,
        personal: [100, 200, 300][i],
        team: [600, 200, 300][i],
        personalOverride: null,
        teamOverride: null,
      })),
    );
    expect(await splitVersion()).toBe(1);
    await writeMemberTargets(env.db, {
      goal: { id: goalId, teamId: t.team.id },
      columns: {
        membershipIds: [ids[1]!],
        personal: [250],
        team: [260],
        personalOverride: [250],
        teamOverride: [null],
      },
    });
    expect((await targetsOf())[1]).toEqual({
      membershipId: ids[1],
      personal: 250,
      team: 260,
      personalOverride: 250,
      teamOverride: null,
    });
    expect((await targetsOf())[0]).toEqual(
      expect.objectContaining({ personal: 100, team: 600, personalOverride: null }),
    );
    expect(await splitVersion()).toBe(2);
    // Clearing an override deletes its row; the numbers stay.
    await writeMemberTargets(env.db, {
      goal: { id: goalId, teamId: t.team.id },
      columns: {
        membershipIds: [ids[1]!],
        personal: [250],
        team: [260],
        personalOverride: [null],
        teamOverride: [null],
      },
    });
    expect(await env.db.targetOverride.count({ where: { goalId } })).toBe(0);
    expect((await targetsOf())[1]).toEqual(expect.objectContaining({ personal: 250, personalOverride: null }));
  });

  it("recomputeTeamTargets sums own targets over the tree as it is, removed members under their former upline", async () => {
    const { t } = env;
    const metric = await makeMetric(env.db, { teamId: t.team.id, key: "recount" });
    const goal = await env.db.goal.create({
      data: {
        teamId: t.team.id,
        rootMembershipId: t.owner.id,
        createdById: t.owner.id,
        metricId: metric.id,
        name: "Recount",
        target: 1_000,
        startDate: toDbDay("2026-11-02"),
        deadline: toDbDay("2026-11-27"),
      },
      select: { id: true },
    });
    // leaderA (10) → memberA1 (20) → memberA1a (40, removed: still counted under memberA1); memberA2 (80).
    const ids = [t.leaderA.id, t.memberA1.id, t.memberA1a.id, t.memberA2.id];
    await writeMemberTargets(env.db, {
      goal: { id: goal.id, teamId: t.team.id },
      replace: true,
      columns: { membershipIds: ids, personal: [10, 20, 40, 80], team: [0, 0, 0, 0] },
    });
    await env.db.membership.update({
      where: { id: t.memberA1a.id },
      data: { status: "REMOVED", parentId: null, formerParentId: t.memberA1.id },
    });
    try {
      expect(await recomputeTeamTargets(env.db, { teamId: t.team.id, goalIds: [goal.id] })).toBe(4);
      const team = new Map(
        (await targetTable(env.db).findMany({ where: { goalId: goal.id } })).map((r) => [r.membershipId, r.team]),
      );
      expect(Object.fromEntries(ids.map((id) => [id, team.get(id)]))).toEqual({
        [t.leaderA.id]: 150,
        [t.memberA1.id]: 60,
        [t.memberA1a.id]: 40,
        [t.memberA2.id]: 80,
      });
      // Already right: nothing changes.
      expect(await recomputeTeamTargets(env.db, { teamId: t.team.id, goalIds: [goal.id] })).toBe(0);
    } finally {
      await env.db.membership.update({
        where: { id: t.memberA1a.id },
        data: { status: "ACTIVE", parentId: t.memberA1.id, formerParentId: null },
      });
    }
  });

  it("insertTargetChanges writes the rows in order, the first carrying every member's from → to", async () => {
    const { t } = env;
    await insertTargetChanges(env.db, {
      teamId: t.team.id,
      goalId,
      actorId: t.leaderA.id,
      reason: "Round trip",
      rows: [
        { membershipId: null, field: MEMBERS_ONLY_FIELD, fromValue: null, toValue: null, data: null },
        { membershipId: t.memberA1.id, field: "override", fromValue: 1, toValue: 2, data: { note: "hand-set" } },
      ],
      members: {
        membershipIds: [t.memberA1.id, t.memberA2.id],
        personalFrom: [1, null],
        personalTo: [2, 3],
        teamFrom: null,
        teamTo: [4, 5],
      },
    });
    const rows = await env.db.targetChange.findMany({
      where: { goalId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        teamId: true,
        actorId: true,
        reason: true,
        membershipId: true,
        field: true,
        fromValue: true,
        toValue: true,
        data: true,
      },
    });
    expect(rows).toEqual([
      expect.objectContaining({
        teamId: t.team.id,
        actorId: t.leaderA.id,
        reason: "Round trip",
        membershipId: null,
        field: MEMBERS_ONLY_FIELD,
        fromValue: null,
        toValue: null,
        data: null,
      }),
      expect.objectContaining({
        membershipId: t.memberA1.id,
        field: "override",
        fromValue: 1,
        toValue: 2,
        data: { note: "hand-set" },
      }),
    ]);
    // Read as JSON: the driver's array parser turns a NULL element of int[] into NaN.
    const arrays = await env.db.$queryRaw<{ j: string }[]>`
      SELECT json_build_object('membershipIds', "membershipIds", 'personalFrom', "personalFrom", 'personalTo', "personalTo",
                               'teamFrom', "teamFrom", 'teamTo', "teamTo")::text AS j
        FROM "TargetChange" WHERE "goalId" = ${goalId} ORDER BY id`;
    expect(arrays.map((a) => JSON.parse(a.j) as unknown)).toEqual([
      {
        membershipIds: [t.memberA1.id, t.memberA2.id],
        personalFrom: [1, null],
        personalTo: [2, 3],
        teamFrom: null,
        teamTo: [4, 5],
      },
      { membershipIds: null, personalFrom: null, personalTo: null, teamFrom: null, teamTo: null },
    ]);
  });
});
