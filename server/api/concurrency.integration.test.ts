/**
 * No lost updates: when two people change the same thing at the same moment, one wins and the other gets a clear
 * CONFLICT (version check) — never a silent overwrite, even though a publish and a re-plan are worked out before
 * their transaction (publish-goal.ts, apply-goal-change.ts); simultaneous sends of one entry store it once; two moves
 * that together would make a cycle cannot both succeed. The calls really run concurrently (Promise.all); on
 * PostgreSQL (CI) they race on separate connections.
 */
import { randomUUID } from "node:crypto";
import { targetTable } from "@/tests/target-table";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db-client";
import { teamToday } from "@/server/clock";
import { callerForMember } from "@/tests/caller";
import { makeFunnelMetrics, makeTestTree } from "@/tests/factories";
import { createTestDatabase } from "@/tests/setup/test-db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const codeOf = (r: PromiseSettledResult<unknown>) =>
  r.status === "fulfilled" ? "ok" : r.reason instanceof TRPCError ? r.reason.code : String(r.reason);

async function publishedGoal() {
  const { db } = database;
  const tree = await makeTestTree(db);
  const metrics = await makeFunnelMetrics(db, { teamId: tree.team.id });
  const today = teamToday(await db.team.findUniqueOrThrow({ where: { id: tree.team.id }, select: { timeZone: true } }));
  const owner = await callerForMember(db, tree.owner.id);
  const goal = await owner.goal.create({
    teamId: tree.team.id,
    name: "Team volume",
    metricId: metrics.volume.id,
    target: 900_000,
    startDate: `${today.slice(0, 8)}01`,
    deadline: `${Number(today.slice(0, 4)) + 1}-01-31`,
    publish: true,
  });
  const version = (await db.goal.findUniqueOrThrow({ where: { id: goal.id }, select: { version: true } })).version;
  return { tree, metrics, owner, goalId: goal.id, version };
}

/** What a goal's stored targets add up to: every personal target, and the team target at its root. */
async function targetsAddUp(goalId: string) {
  const { db } = database;
  const goal = await db.goal.findUniqueOrThrow({ where: { id: goalId }, select: { rootMembershipId: true } });
  const rows = await targetTable(db).findMany({ where: { goalId } });
  return {
    personal: rows.reduce((sum, r) => sum + r.personal, 0),
    rootTeam: rows.find((r) => r.membershipId === goal.rootMembershipId)?.team,
  };
}

describe("concurrent changes", () => {
  it("two saves of the same goal from the same version: one applies, the other gets a clear conflict", async () => {
    const { db } = database;
    const { tree, owner, goalId, version } = await publishedGoal();
    const secondTab = await callerForMember(db, tree.owner.id);
    const results = await Promise.allSettled([
      owner.goal.applyChange({ teamId: tree.team.id, goalId, version, change: { kind: "target", target: 1_000_000 } }),
      secondTab.goal.applyChange({
        teamId: tree.team.id,
        goalId,
        version,
        change: { kind: "override", membershipId: tree.memberA1.id, personal: 50_000 },
      }),
    ]);
    expect(results.map(codeOf).sort()).toEqual(["CONFLICT", "ok"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as Error).message).toMatch(/someone else changed this goal/i);
    const goal = await db.goal.findUniqueOrThrow({ where: { id: goalId }, select: { version: true, target: true } });
    expect(goal.version).toBe(version + 1);
    // Exactly one of the two changes is in the data: the new target, or the override — never both, never a mix.
    const a1 = await targetTable(db).findUniqueOrThrow({
      where: { goalId_membershipId: { goalId, membershipId: tree.memberA1.id } },
    });
    const targetWon = results[0]!.status === "fulfilled";
    expect(goal.target).toBe(targetWon ? 1_000_000 : 900_000);
    expect(a1.personalOverride).toBe(targetWon ? null : 50_000);
    // A re-plan is worked out before its transaction: the winner's split is written whole.
    expect(await targetsAddUp(goalId)).toEqual({ personal: goal.target, rootTeam: goal.target });
  });

  it("a draft published while it is edited: one wins, and the stored targets add up to the stored target", async () => {
    const { db } = database;
    const { tree, metrics, owner } = await publishedGoal();
    const fields = {
      name: "Draft race",
      metricId: metrics.volume.id,
      startDate: "2099-01-01",
      deadline: "2099-03-31",
    };
    const draft = await owner.goal.create({ teamId: tree.team.id, ...fields, target: 70_000, publish: false });
    const { version } = await db.goal.findUniqueOrThrow({ where: { id: draft.id }, select: { version: true } });
    const secondTab = await callerForMember(db, tree.owner.id);
    const results = await Promise.allSettled([
      owner.goal.publish({ teamId: tree.team.id, goalId: draft.id, version }),
      secondTab.goal.update({ teamId: tree.team.id, goalId: draft.id, version, ...fields, target: 700_000 }),
    ]);
    expect(results.map(codeOf).sort()).toEqual(["CONFLICT", "ok"]);
    const goal = await db.goal.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true, target: true } });
    if (results[0]!.status === "fulfilled") {
      expect(goal).toEqual({ status: "PUBLISHED", target: 70_000 });
      expect(await targetsAddUp(draft.id)).toEqual({ personal: 70_000, rootTeam: 70_000 });
    } else {
      expect(goal).toEqual({ status: "DRAFT", target: 700_000 });
      expect(await targetTable(db).findMany({ where: { goalId: draft.id } })).toEqual([]);
    }
  });

  it("an entry edited from two devices from the same version: one edit wins, the other is a conflict", async () => {
    const { db } = database;
    const { tree, metrics } = await publishedGoal();
    const phone = await callerForMember(db, tree.memberA1.id);
    const laptop = await callerForMember(db, tree.memberA1.id);
    const id = randomUUID();
    await phone.entry.log({ teamId: tree.team.id, entries: [{ id, metricId: metrics.contacts.id, amount: 3 }] });
    const results = await Promise.allSettled([
      phone.entry.update({ teamId: tree.team.id, entryId: id, version: 1, amount: 4 }),
      laptop.entry.update({ teamId: tree.team.id, entryId: id, version: 1, amount: 9 }),
    ]);
    expect(results.map(codeOf).sort()).toEqual(["CONFLICT", "ok"]);
    const entry = await db.entry.findUniqueOrThrow({ where: { id }, select: { amount: true, version: true } });
    const total = await db.dailyTotal.aggregate({
      where: { membershipId: tree.memberA1.id, metricId: metrics.contacts.id },
      _sum: { total: true },
    });
    expect(total._sum.total).toBe(entry.amount);
    expect(entry.version).toBe(2);
  });

  it("the same entry sent at once from several retries is stored once and counted once", async () => {
    const { db } = database;
    const { tree, metrics } = await publishedGoal();
    const id = randomUUID();
    const callers = await Promise.all([1, 2, 3, 4].map(() => callerForMember(db, tree.memberB1.id)));
    const results = await Promise.all(
      callers.map((c) =>
        c.entry.log({ teamId: tree.team.id, entries: [{ id, metricId: metrics.contacts.id, amount: 5 }] }),
      ),
    );
    expect(results.flatMap((r) => r.results.map((x) => x.status)).sort()).toEqual([
      "created",
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    expect(await db.entry.count({ where: { id } })).toBe(1);
    const total = await db.dailyTotal.aggregate({
      where: { membershipId: tree.memberB1.id },
      _sum: { total: true, entries: true },
    });
    expect(total._sum).toEqual({ total: 5, entries: 1 });
  });

  it("two moves that together would make a cycle: one succeeds, the other is refused", async () => {
    const { db } = database;
    const { tree, owner } = await publishedGoal();
    const secondTab = await callerForMember(db, tree.owner.id);
    const results = await Promise.allSettled([
      owner.member.move({ teamId: tree.team.id, memberId: tree.leaderA.id, newParentId: tree.memberB1.id }),
      secondTab.member.move({ teamId: tree.team.id, memberId: tree.leaderB.id, newParentId: tree.memberA2.id }),
    ]);
    expect(results.map(codeOf).filter((c) => c === "ok")).toHaveLength(1);
    expect(results.map(codeOf).filter((c) => c !== "ok")).toEqual(["BAD_REQUEST"]);
    // The tree is still a tree: walking up from every member reaches the owner.
    const rows = await db.membership.findMany({
      where: { teamId: tree.team.id, status: "ACTIVE" },
      select: { id: true, parentId: true },
    });
    const parentOf = new Map(rows.map((r) => [r.id, r.parentId]));
    for (const r of rows) {
      let at: string | null = r.id;
      for (let steps = 0; at !== null && at !== tree.owner.id; steps++) {
        expect(steps).toBeLessThan(rows.length);
        at = parentOf.get(at) ?? null;
      }
      expect(at).toBe(tree.owner.id);
    }
  });
});
