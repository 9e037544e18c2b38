/**
 * The hot statements go as named statements on PostgreSQL (server/queries/prepared.ts): a connection plans each
 * once and runs it again from its plan cache; every other statement stays unnamed; and the switch turns them off.
 * Read from the server's own view of one connection (`pg_prepared_statements`).
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/server/db-client";
import { callerFor } from "@/tests/caller";
import { makeFunnelMetrics } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import * as clock from "@/server/clock";
import { toIsoDay } from "@/server/domain/db-day";

const env = setUpTestDatabase();
let contactsId = "";
beforeAll(async () => {
  contactsId = (await makeFunnelMetrics(env.db, { teamId: env.t.team.id })).contacts.id;
});

interface Prepared {
  name: string;
  statement: string;
  runs: number;
}

/** Logs twice and reads the Log's day as memberA1 on ONE connection, and returns what that connection prepared. */
async function preparedAfterLogging(database: Database): Promise<Prepared[]> {
  const { t } = env;
  const { db } = database;
  const user = await db.membership.findUniqueOrThrow({
    where: { id: t.memberA1.id },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  const caller = callerFor(db, user.user);
  for (let i = 0; i < 2; i++) {
    const logged = await caller.entry.log({
      teamId: t.team.id,
      entries: [{ id: randomUUID(), metricId: contactsId, amount: 2 }],
    });
    expect(logged.created).toBe(1);
  }
  const day = await caller.entry.day({ teamId: t.team.id, day: toIsoDay(clock.now()) });
  expect(day.entries.length).toBeGreaterThanOrEqual(2);
  return db.$queryRaw<Prepared[]>`
    SELECT name, statement, (generic_plans + custom_plans)::int AS runs
      FROM pg_prepared_statements ORDER BY name`;
}

describe("prepared statements", () => {
  it("on PostgreSQL, the access check, the logging statement and the Log context are planned once a connection", async ({
    skip,
  }) => {
    if (env.database.kind !== "postgres") skip("the test database is PGlite (set TEST_DATABASE_URL for PostgreSQL)");
    const one = openDatabase(env.database.url, { poolSize: 1 });
    try {
      const statements = await preparedAfterLogging(one);
      // Only the wrapped statements are named, each once, named by a hash of its text.
      expect(statements.every((s) => /^bp_[0-9a-f]{24}$/.test(s.name))).toBe(true);
      expect(statements.every((s) => s.statement.startsWith("/* prepared */"))).toBe(true);
      const runsOf = (pattern: RegExp) => statements.filter((s) => pattern.test(s.statement)).map((s) => s.runs);
      // Every team procedure checks access first: two logs and a day read ran the same plan three times.
      expect(runsOf(/AS "sessionRevoked"/)).toEqual([3]);
      // A log for today carries the Log context; the day's read reads the same context alone.
      expect(runsOf(/INSERT INTO "Entry"/)).toEqual([2]);
      expect(runsOf(/^\/\* prepared \*\/ SELECT \(\s*WITH tg AS/)).toEqual([1]);
      expect(statements).toHaveLength(3);
    } finally {
      await one.close();
    }
  });

  it("with prepared statements off (a transaction-mode pooler), every statement goes unnamed", async ({ skip }) => {
    if (env.database.kind !== "postgres") skip("the test database is PGlite (set TEST_DATABASE_URL for PostgreSQL)");
    const one = openDatabase(env.database.url, { poolSize: 1, preparedStatements: false });
    try {
      expect(await preparedAfterLogging(one)).toEqual([]);
    } finally {
      await one.close();
    }
  });
});
