/** Round trip of server/queries/goal.ts on a real database: every query runs and its decoded values are checked. */
import { beforeAll, describe, expect, it } from "vitest";
import { targetTable } from "@/tests/target-table";
import { addDailyTotal, makeGoal, makeMetric, makeTestTree } from "@/tests/factories";
import { patchSplit } from "@/server/domain/goal-split";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { goalContextMembers, goalHistoryRows, type GoalMembers } from "./goal";
import { goalTargetRows } from "./goal-split";
import { insertTargetChanges } from "./goal-targets";

const env = setUpTestDatabase({ tree: "once" });
let metricId: string;

beforeAll(async () => {
  const { t } = env;
  metricId = (await makeMetric(env.db, { teamId: t.team.id })).id;
  await env.db.membership.update({ where: { id: t.memberA1.id }, data: { splitWeight: 50, minutesPerDay: 45 } });
  await addDailyTotal(env.db, {
    teamId: t.team.id,
    membershipId: t.memberA1.id,
    metricId,
    day: "2026-10-20",
    total: 7,
  });
  await addDailyTotal(env.db, {
    teamId: t.team.id,
    membershipId: t.memberA1.id,
    metricId,
    day: "2026-10-31",
    total: 5,
  });
  await addDailyTotal(env.db, {
    teamId: t.team.id,
    membershipId: t.memberB1.id,
    metricId,
    day: "2026-10-20",
    total: 11,
  });
  await addDailyTotal(env.db, {
    teamId: t.team.id,
    membershipId: t.memberA2.id,
    metricId,
    day: "2026-11-02",
    total: 50,
  }); // after the window
});

/** Every member's id by slot, as stored. */
const idsBySlot = async () =>
  new Map(
    (await env.db.membership.findMany({ where: { teamId: env.t.team.id }, select: { id: true, slot: true } })).map(
      (m) => [m.slot, m.id],
    ),
  );

/** The columns as one tuple per member: id, upline (its slot resolved to its id), weight, minutes, name, history actual, slot. */
const tuples = async (m: GoalMembers) => {
  const byslot = await idsBySlot();
  return m.id.map((id, i) => [
    id,
    m.parentSlot[i] === null ? null : byslot.get(m.parentSlot[i]!),
    m.splitWeight[i],
    m.minutesPerDay[i],
    m.name[i],
    m.historyActual[i],
    m.slot[i],
  ]);
};

describe("goal queries", () => {
  const window = () => ({ metricId, from: "2026-10-01", to: "2026-11-01" });

  it("goalContextMembers: a subtree's members with weight, minutes, name and history actual, sorted by id", async () => {
    const { t } = env;
    const rows = await tuples(
      await goalContextMembers(env.db, {
        teamId: t.team.id,
        rootId: t.leaderA.id,
        wholeTeam: false,
        history: window(),
      }),
    );
    const expected: [string, string | null, number, number | null, string, number][] = [
      // Split weights are percentages of a full-time share: 100 by default, Mia half time.
      [t.leaderA.id, t.owner.id, 100, null, "Leo Leader A", 0],
      [t.memberA1.id, t.leaderA.id, 50, 45, "Mia A1", 12],
      [t.memberA1a.id, t.memberA1.id, 100, null, "Max A1a", 0],
      [t.memberA2.id, t.leaderA.id, 100, null, "Mo A2", 0],
    ];
    // The last element is the member's slot (Membership.slot), as stored.
    const slots = new Map(
      (await env.db.membership.findMany({ where: { teamId: t.team.id }, select: { id: true, slot: true } })).map(
        (m) => [m.id, m.slot],
      ),
    );
    expect(rows).toEqual(expected.sort((a, b) => (a[0] < b[0] ? -1 : 1)).map((e) => [...e, slots.get(e[0])]));
  });

  it("goalContextMembers: without names, the same members and numbers, every name empty", async () => {
    const { t } = env;
    for (const root of [
      { rootId: t.owner.id, wholeTeam: true },
      { rootId: t.leaderA.id, wholeTeam: false },
    ]) {
      const args = { teamId: t.team.id, ...root, history: window() };
      const named = await goalContextMembers(env.db, args);
      const plain = await goalContextMembers(env.db, { ...args, names: false });
      expect(plain).toEqual({ ...named, name: named.name.map(() => "") });
      expect(named.name.every((name) => name.length > 0)).toBe(true);
    }
  });

  it("goalContextMembers: the whole team without recursion, and no history when none is asked", async () => {
    const { t } = env;
    const team = await tuples(
      await goalContextMembers(env.db, {
        teamId: t.team.id,
        rootId: t.owner.id,
        wholeTeam: true,
        history: window(),
      }),
    );
    expect(team).toHaveLength(7);
    expect(new Map(team.map((m) => [m[0], m[5]]))).toEqual(
      new Map(
        [t.owner, t.leaderA, t.leaderB, t.memberA1, t.memberA1a, t.memberA2, t.memberB1].map((m) => [
          m.id,
          m === t.memberA1 ? 12 : m === t.memberB1 ? 11 : 0,
        ]),
      ),
    );
    expect(team.find((m) => m[0] === t.owner.id)![1]).toBeNull();
    const plain = await tuples(
      await goalContextMembers(env.db, {
        teamId: t.team.id,
        rootId: t.memberA1.id,
        wholeTeam: false,
        history: null,
      }),
    );
    expect(plain.map((m) => [m[0], m[5]])).toEqual([t.memberA1.id, t.memberA1a.id].sort().map((id) => [id, 0]));
    expect(
      await goalContextMembers(env.db, {
        teamId: t.team.id,
        rootId: "no-such-member",
        wholeTeam: false,
        history: null,
      }),
    ).toEqual({
      id: [],
      parentSlot: [],
      splitWeight: [],
      minutesPerDay: [],
      name: [],
      historyActual: [],
      slot: [],
    });
  });

  it("goalContextMembers: any name comes back whole beside its member (commas, quotes, emoji; a stray separator as a space)", async () => {
    const { t } = env;
    const userId = (await env.db.membership.findUniqueOrThrow({ where: { id: t.memberA2.id } })).userId;
    const names = ['Zoë "Z", O\'Brien; 1,2', "\u{1F680} Rocket", "a\x1eb"];
    try {
      for (const name of names) {
        await env.db.user.update({ where: { id: userId }, data: { name } });
        const m = await goalContextMembers(env.db, {
          teamId: t.team.id,
          rootId: t.owner.id,
          wholeTeam: true,
          history: null,
        });
        const i = m.id.indexOf(t.memberA2.id);
        expect(m.name[i]).toBe(name.replace("\x1e", " "));
        expect(m.name).toHaveLength(7);
        expect((await idsBySlot()).get(m.parentSlot[i]!)).toBe(t.leaderA.id);
        expect([...m.id].sort()).toEqual(m.id);
      }
    } finally {
      await env.db.user.update({ where: { id: userId }, data: { name: "Mo A2" } });
    }
  });

  it("goalTargetRows: every target of the goal with its overrides; none for a goal without targets", async () => {
    const { t } = env;
    const goal = await makeGoal(env.db, {
      teamId: t.team.id,
      rootMembershipId: t.memberA1.id,
      metricId,
      target: 900,
      startDate: "2026-11-02",
      deadline: "2026-11-27",
    });
    await targetTable(env.db).update({
      where: { goalId_membershipId: { goalId: goal.id, membershipId: t.memberA1a.id } },
      data: { personalOverride: 600, teamOverride: 600 },
    });
    const rows = await goalTargetRows(env.db, { id: goal.id, teamId: t.team.id });
    const slot = async (id: string) => (await env.db.membership.findUniqueOrThrow({ where: { id } })).slot;
    expect(rows.sort((a, b) => (a.membershipId < b.membershipId ? -1 : 1))).toEqual(
      [
        {
          membershipId: t.memberA1.id,
          slot: await slot(t.memberA1.id),
          personal: 450,
          team: 900,
          personalOverride: null,
          teamOverride: null,
        },
        {
          membershipId: t.memberA1a.id,
          slot: await slot(t.memberA1a.id),
          personal: 450,
          team: 450,
          personalOverride: 600,
          teamOverride: 600,
        },
      ].sort((a, b) => (a.membershipId < b.membershipId ? -1 : 1)),
    );
    expect(await goalTargetRows(env.db, { id: "no-such-goal", teamId: t.team.id })).toEqual([]);
  });

  it("goalHistoryRows: the goal's rows and the member's own element of a whole-team row, newest first, with the actor's name", async () => {
    const { t } = env;
    const goal = await makeGoal(env.db, {
      teamId: t.team.id,
      rootMembershipId: t.leaderA.id,
      metricId,
      target: 400,
      startDate: "2026-11-02",
      deadline: "2026-11-27",
    });
    await insertTargetChanges(env.db, {
      teamId: t.team.id,
      goalId: goal.id,
      actorId: t.leaderA.id,
      reason: "Goal target changed",
      rows: [
        { membershipId: null, field: "target", fromValue: 300, toValue: 400, data: { from: 300, to: 400 } },
        { membershipId: t.memberA2.id, field: "override", fromValue: null, toValue: 90, data: null },
      ],
      members: {
        membershipIds: [t.memberA1.id, t.memberA2.id],
        personalFrom: [75, null],
        personalTo: [100, 90],
        teamFrom: [150, null],
        teamTo: [200, 90],
      },
    });
    const mine = await goalHistoryRows(env.db, { goalId: goal.id, membershipId: t.memberA1.id });
    expect(mine).toEqual([
      {
        id: expect.stringMatching(/\.m$/),
        membershipId: t.memberA1.id,
        reason: "Goal target changed",
        field: "personal",
        fromValue: 75,
        toValue: 100,
        data: { personal: { from: 75, to: 100 }, team: { from: 150, to: 200 } },
        createdAt: expect.any(Date),
        actorName: "Leo Leader A",
      },
      {
        id: expect.any(String),
        membershipId: null,
        reason: "Goal target changed",
        field: "target",
        fromValue: 300,
        toValue: 400,
        data: { from: 300, to: 400 },
        createdAt: expect.any(Date),
        actorName: "Leo Leader A",
      },
    ]);
    // Mo's element (new: from nothing), then — same change, written later, so first — his own override row.
    const mo = await goalHistoryRows(env.db, { goalId: goal.id, membershipId: t.memberA2.id });
    expect(mo.map((r) => [r.membershipId, r.field, r.fromValue, r.toValue])).toEqual([
      [t.memberA2.id, "personal", null, 90],
      [t.memberA2.id, "override", null, 90],
      [null, "target", 300, 400],
    ]);
    // Someone in neither sees only the goal's row.
    const ben = await goalHistoryRows(env.db, { goalId: goal.id, membershipId: t.memberB1.id });
    expect(ben.map((r) => [r.membershipId, r.field])).toEqual([[null, "target"]]);
  });

  it("goalHistoryRows: a change recorded as the split before and after lists a member where their 8 bytes differ", async () => {
    const { t } = env;
    const goal = await makeGoal(env.db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId,
      target: 1000,
      startDate: "2026-11-02",
      deadline: "2026-11-27",
    });
    const slot = async (id: string) => (await env.db.membership.findUniqueOrThrow({ where: { id } })).slot;
    const [a1, a2, a1a, b1] = await Promise.all(
      [t.memberA1, t.memberA2, t.memberA1a, t.memberB1].map((m) => slot(m.id)),
    );
    // Before: Mia 75/150, Mo 20/20, Max 30/30; after: Mia 100/200 (moved), Mo 20/20 (same), Max absent → Ben new 40/40.
    const before = patchSplit(null, { slots: [a1!, a2!, a1a!], personal: [75, 20, 30], team: [150, 20, 30] });
    const after = patchSplit(before, { slots: [a1!, b1!], personal: [100, 40], team: [200, 40] }, [a1a!]);
    await insertTargetChanges(env.db, {
      teamId: t.team.id,
      goalId: goal.id,
      actorId: t.owner.id,
      reason: "Re-planned",
      rows: [{ membershipId: null, field: "members", fromValue: null, toValue: null, data: null }],
      members: { before, after },
    });
    const rowsOf = async (id: string) =>
      (await goalHistoryRows(env.db, { goalId: goal.id, membershipId: id })).map((r) => [
        r.membershipId,
        r.field,
        r.fromValue,
        r.toValue,
        r.data,
      ]);
    expect(await rowsOf(t.memberA1.id)).toEqual([
      [t.memberA1.id, "personal", 75, 100, { personal: { from: 75, to: 100 }, team: { from: 150, to: 200 } }],
    ]);
    expect(await rowsOf(t.memberB1.id)).toEqual([
      [t.memberB1.id, "personal", null, 40, { personal: { from: null, to: 40 }, team: { from: null, to: 40 } }],
    ]);
    // Unchanged, taken out of the split, and never in it: no row of their own.
    expect(await rowsOf(t.memberA2.id)).toEqual([]);
    expect(await rowsOf(t.memberA1a.id)).toEqual([]);
    expect(await rowsOf(t.leaderB.id)).toEqual([]);
    // A member of another team whose slot number is Mia's sees nothing of this goal.
    const other = await makeTestTree(env.db);
    const stranger = (await env.db.membership.findMany({ where: { teamId: other.team.id } })).find(
      (m) => m.slot === a1,
    );
    expect(stranger).toBeDefined();
    expect(await rowsOf(stranger!.id)).toEqual([]);
  });
});
