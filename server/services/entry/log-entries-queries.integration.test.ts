/**
 * The logging path keeps a constant number of queries: the same for a member of a 7-member team and of a
 * 107-member team, and for one entry or an offline batch of 50 (counted through the router, session to write).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/server/db-client";
import { callerFor } from "@/tests/caller";
import { createTestDatabase } from "@/tests/setup/test-db";
import { addMember, makeMetric, makeTestTree } from "@/tests/factories";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function countedLog(args: { extraMembers: number; batch: number }) {
  const db = database.db;
  const t = await makeTestTree(db);
  const calls = await makeMetric(db, { teamId: t.team.id, key: "calls", name: "Calls" });
  for (let i = 0; i < args.extraMembers; i++) {
    await addMember(db, { teamId: t.team.id, parentId: i % 3 === 0 ? t.memberA1a.id : t.leaderB.id });
  }
  const user = await db.user.findFirstOrThrow({
    where: { memberships: { some: { id: t.memberA1.id } } },
    select: { id: true, email: true, name: true },
  });
  // The member logged before (a streak and records to compare with), then logs again, counted.
  const caller = (client: Db) => callerFor(client, { id: user.id, email: user.email, name: user.name ?? user.email });
  await caller(db).entry.log({ teamId: t.team.id, entries: [{ id: randomUUID(), metricId: calls.id, amount: 2 }] });
  let queries = 0;
  const counted = db.$extends({
    query: {
      $allOperations({ args: a, query }) {
        queries++;
        return query(a);
      },
    },
  }) as unknown as Db;
  const result = await caller(counted).entry.log({
    teamId: t.team.id,
    entries: Array.from({ length: args.batch }, () => ({ id: randomUUID(), metricId: calls.id, amount: 1 })),
  });
  expect(result.created).toBe(args.batch);
  return queries;
}

describe("entry.log — query count", () => {
  it("is the same whatever the team size and the batch size", async () => {
    const small = await countedLog({ extraMembers: 0, batch: 1 });
    const big = await countedLog({ extraMembers: 100, batch: 1 });
    const batch = await countedLog({ extraMembers: 100, batch: 50 });
    expect(small).toBeGreaterThanOrEqual(4);
    expect(small).toBeLessThanOrEqual(12);
    expect(big).toBe(small);
    expect(batch).toBe(small);
  });
});
