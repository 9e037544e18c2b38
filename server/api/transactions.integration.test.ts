/**
 * Every multi-row change is one transaction: a failure half-way leaves nothing half-written. The failure is injected
 * in PostgreSQL itself (a trigger raising on the change's LAST write), so the earlier statements of the change have
 * already run when it fails; afterwards the whole database must be exactly as before (row checksum), and the same
 * change must succeed once the fault is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { targetTable } from "@/tests/target-table";
import type { Database } from "@/server/db-client";
import { teamToday } from "@/server/clock";
import { callerForMember } from "@/tests/caller";
import { databaseChecksum } from "@/tests/db-checksum";
import { makeFunnelMetrics, makeTestTree } from "@/tests/factories";
import { injectFailure } from "@/tests/failure-injection";
import { createTestDatabase } from "@/tests/setup/test-db";
import * as clock from "@/server/clock";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function setup() {
  const { db } = database;
  const tree = await makeTestTree(db);
  const metrics = await makeFunnelMetrics(db, { teamId: tree.team.id });
  const team = await db.team.findUniqueOrThrow({ where: { id: tree.team.id }, select: { timeZone: true } });
  const today = teamToday(team);
  const goalInput = {
    teamId: tree.team.id,
    name: "Team volume",
    metricId: metrics.volume.id,
    target: 900_000,
    startDate: `${today.slice(0, 8)}01`,
    deadline: `${Number(today.slice(0, 4)) + 1}-01-31`,
  };
  const owner = await callerForMember(db, tree.owner.id);
  return { tree, metrics, owner, goalInput };
}

/** Runs `change` with the fault installed: it must fail and leave the database exactly as it was. */
async function expectAtomic(fault: Parameters<typeof injectFailure>[1], change: () => Promise<unknown>) {
  const { db } = database;
  const before = await databaseChecksum(db);
  const remove = await injectFailure(db, fault);
  try {
    await expect(change()).rejects.toThrow();
  } finally {
    await remove();
  }
  expect(await databaseChecksum(db)).toBe(before);
}

describe("multi-row changes are all or nothing", () => {
  it("publishing a goal: goal status, member targets and change history", async () => {
    const { tree, owner, goalInput } = await setup();
    const draft = await owner.goal.create(goalInput);
    const publish = () => owner.goal.publish({ teamId: tree.team.id, goalId: draft.id, version: draft.version });
    await expectAtomic({ table: "TargetChange" }, publish);
    const { db } = database;
    expect(await targetTable(db).count({ where: { goalId: draft.id } })).toBe(0);
    expect((await db.goal.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");

    await publish();
    expect(await targetTable(db).count({ where: { goalId: draft.id } })).toBe(7);
  });

  it("re-planning a published goal: every member's target and the history", async () => {
    const { tree, owner, goalInput } = await setup();
    const goal = await owner.goal.create({ ...goalInput, publish: true });
    const { db } = database;
    const version = (await db.goal.findUniqueOrThrow({ where: { id: goal.id }, select: { version: true } })).version;
    const targetsBefore = await targetTable(db).findMany({
      where: { goalId: goal.id },
      orderBy: { membershipId: "asc" },
    });
    const replan = () =>
      owner.goal.applyChange({
        teamId: tree.team.id,
        goalId: goal.id,
        version,
        change: { kind: "target", target: 1_200_000 },
      });
    await expectAtomic({ table: "TargetChange" }, replan);
    expect(await targetTable(db).findMany({ where: { goalId: goal.id }, orderBy: { membershipId: "asc" } })).toEqual(
      targetsBefore,
    );

    await replan();
    const root = await targetTable(db).findFirstOrThrow({ where: { goalId: goal.id, membershipId: tree.owner.id } });
    expect(root.team).toBe(1_200_000);
  });

  it("moving a member with their whole downline", async () => {
    const { tree, owner } = await setup();
    const move = () =>
      owner.member.move({ teamId: tree.team.id, memberId: tree.memberA1.id, newParentId: tree.leaderB.id });
    await expectAtomic({ table: "AuditEvent" }, move);
    const { db } = database;
    expect((await db.membership.findUniqueOrThrow({ where: { id: tree.memberA1.id } })).parentId).toBe(tree.leaderA.id);

    await move();
    expect((await db.membership.findUniqueOrThrow({ where: { id: tree.memberA1.id } })).parentId).toBe(tree.leaderB.id);
  });

  it("removing a member: their downline moves up, their invites are revoked, their history stays", async () => {
    const { tree, owner, metrics } = await setup();
    const { db } = database;
    const subject = await callerForMember(db, tree.memberA1.id);
    await subject.entry.log({
      teamId: tree.team.id,
      entries: [{ id: crypto.randomUUID(), metricId: metrics.contacts.id, amount: 5 }],
    });
    const remove = () => owner.member.remove({ teamId: tree.team.id, memberId: tree.memberA1.id });
    await expectAtomic({ table: "AuditEvent" }, remove);
    expect((await db.membership.findUniqueOrThrow({ where: { id: tree.memberA1a.id } })).parentId).toBe(
      tree.memberA1.id,
    );

    await remove();
    expect((await db.membership.findUniqueOrThrow({ where: { id: tree.memberA1a.id } })).parentId).toBe(
      tree.leaderA.id,
    );
    // Deactivation, not deletion: the removed member's logged history is kept.
    expect(await db.entry.count({ where: { membershipId: tree.memberA1.id, deletedAt: null } })).toBe(1);
    expect((await db.membership.findUniqueOrThrow({ where: { id: tree.memberA1.id } })).status).toBe("REMOVED");
  });

  it("importing members from CSV: an invitation for every row, or none", async () => {
    const { tree, owner } = await setup();
    const { db } = database;
    const ownerEmail = (await db.user.findUniqueOrThrow({ where: { id: tree.owner.userId } })).email;
    const stamp = clock.nowMs();
    const csv = [
      "name,email,upline",
      `Ada One,ada-${stamp}@example.test,${ownerEmail}`,
      `Bo Two,bo-${stamp}@example.test,${ownerEmail}`,
      `Cy Three,cy-${stamp}@example.test,${ownerEmail}`,
    ].join("\n");
    const importAll = () => owner.member.import({ teamId: tree.team.id, csv, commit: true });
    // Fails on the last invitation written: the earlier ones must go too.
    await expectAtomic({ table: "Invite", condition: `NEW.email = 'cy-${stamp}@example.test'` }, importAll);
    expect(await db.invite.count({ where: { email: { contains: `-${stamp}@` } } })).toBe(0);

    const result = await importAll();
    expect(result.invited).toBe(3);
    expect(await db.invite.count({ where: { teamId: tree.team.id, email: { contains: `-${stamp}@` } } })).toBe(3);
  });

  it("logging a batch of entries: entries and daily totals together", async () => {
    const { tree, metrics } = await setup();
    const { db } = database;
    const member = await callerForMember(db, tree.memberB1.id);
    const entries = [5, 7, 9].map((amount) => ({ id: crypto.randomUUID(), metricId: metrics.contacts.id, amount }));
    const log = () => member.entry.log({ teamId: tree.team.id, entries });
    await expectAtomic({ table: "DailyTotal", on: "INSERT OR UPDATE" }, log);
    expect(await db.entry.count({ where: { membershipId: tree.memberB1.id } })).toBe(0);

    await log();
    const total = await db.dailyTotal.aggregate({ where: { membershipId: tree.memberB1.id }, _sum: { total: true } });
    expect(total._sum.total).toBe(21);
  });
});
