/**
 * No lost updates: when two people change the same thing at the same moment, one wins and the other gets a clear
 * CONFLICT (version check) — never a silent overwrite; simultaneous sends of one entry store it once; two moves
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
