/**
 * The read replica (DATABASE_REPLICA_URL, server/db-replica.ts): the dashboard's and the review list's reads go through
 * the replica client (`.use(replicaReads)` on their procedure lines), while the access checks before them, the Log,
 * My plan and every write read the primary — a member who just logged sees it. Without a replica nothing changes.
 *
 * The "replica" here is a second client on the same test database (PGlite or PostgreSQL), each client counting the
 * statements it sends, so the test sees which client each procedure used. The real streaming replica is exercised
 * by `npm run bench:scaleout` (docs/SCALING.md).
 */
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { createCaller } from "@/server/api/root";
import { openDatabase, type Database } from "@/server/db-client";
import { withReadReplica } from "@/server/db-replica";
import { addDays } from "@/server/domain/calendar";
import { makeGoal, makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import * as clock from "@/server/clock";
import { isoDateInTimeZone } from "@/server/domain/calendar";

const env = setUpTestDatabase({ tree: "once" });

/** A new client on the test's database that records the SQL it sends. */
function countingClient(database: Database, sent: string[]): PrismaClient {
  const adapter =
    database.kind === "postgres"
      ? new PrismaPg({ connectionString: database.url!, max: 2 })
      : new PrismaPGlite(database.pglite!);
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => sent.push(event.query));
  return client;
}

const onPrimary: string[] = [];
const onReplica: string[] = [];
let primary: PrismaClient;
let replica: PrismaClient;
let goalId: string;
let metricId: string;

type User = { id: string; email: string; name: string };
const userOf = (membershipId: string): Promise<User> =>
  primary.membership
    .findUniqueOrThrow({
      where: { id: membershipId },
      select: { user: { select: { id: true, email: true, name: true } } },
    })
    .then((m) => m.user);

/** A caller as the app builds it: with a replica (route.ts passes `readDb`) or without (DATABASE_REPLICA_URL unset). */
const callerWith = (user: User, replicaConfigured: boolean) =>
  createCaller({ db: primary, readDb: replicaConfigured ? withReadReplica(primary, replica) : undefined, user });

/** What reached each client while `run` ran. */
async function traffic(run: () => Promise<unknown>): Promise<{ primary: string[]; replica: string[] }> {
  const [p, r] = [onPrimary.length, onReplica.length];
  await run();
  return { primary: onPrimary.slice(p), replica: onReplica.slice(r) };
}

beforeAll(async () => {
  primary = countingClient(env.database, onPrimary);
  replica = countingClient(env.database, onReplica);
  const today = isoDateInTimeZone(clock.nowMs(), "UTC");
  const metric = await makeMetric(env.db, { teamId: env.t.team.id, key: "replica_calls" });
  metricId = metric.id;
  const goal = await makeGoal(env.db, {
    teamId: env.t.team.id,
    rootMembershipId: env.t.owner.id,
    metricId,
    target: 700,
    startDate: addDays(today, -10),
    deadline: addDays(today, 30),
  });
  goalId = goal.id;
});

afterAll(async () => {
  await Promise.all([primary?.$disconnect(), replica?.$disconnect()]);
});

beforeEach(() => {
  onPrimary.length = 0;
  onReplica.length = 0;
});

describe("with a replica configured", () => {
  it("the dashboard's reads and the review list go through the replica client; their access checks read the primary", async () => {
    const owner = callerWith(await userOf(env.t.owner.id), true);
    const teamId = env.t.team.id;
    const calls: [string, () => Promise<unknown>][] = [
      ["dashboard.goals", () => owner.dashboard.goals({ teamId })],
      ["dashboard.rollup", () => owner.dashboard.rollup({ teamId, goalId })],
      ["dashboard.charts", () => owner.dashboard.charts({ teamId, goalId })],
      ["dashboard.leaderboard", () => owner.dashboard.leaderboard({ teamId, goalId })],
      ["dashboard.victories", () => owner.dashboard.victories({ teamId })],
      ["dashboard.exportCsv", () => owner.dashboard.exportCsv({ teamId, goalId })],
      ["review.list", () => owner.review.list({ teamId })],
    ];
    for (const [name, call] of calls) {
      const seen = await traffic(call);
      expect(seen.replica.length, `${name} read the replica`).toBeGreaterThan(0);
      // The team scope (session version, membership) is checked on the primary, before the handler.
      expect(
        seen.primary.some((sql) => sql.includes('"Membership"')),
        `${name} checked access on the primary`,
      ).toBe(true);
    }
    // The roll-up's one SQL read (server/queries/rollup.ts) ran on the replica, not the primary.
    const rollup = await traffic(() => owner.dashboard.rollup({ teamId, goalId }));
    expect(rollup.replica.some((sql) => sql.includes('"GoalSplit"'))).toBe(true);
    expect(rollup.primary.some((sql) => sql.includes('"GoalSplit"'))).toBe(false);
  });

  it("the Log, My plan, my commitments and every write use the primary only (read-your-writes)", async () => {
    const member = callerWith(await userOf(env.t.memberA1.id), true);
    const teamId = env.t.team.id;
    const entryId = randomUUID();
    const seen = await traffic(async () => {
      await member.entry.log({ teamId, entries: [{ id: entryId, metricId, amount: 4 }] });
      const day = await member.entry.day({ teamId });
      // The member who just logged sees it on the Log at once: it is read from the primary that took the write.
      expect(JSON.stringify(day)).toContain(entryId);
      await member.goal.myPlan({ teamId });
      await member.review.myCommitments({ teamId });
    });
    expect(seen.replica).toEqual([]);
    expect(seen.primary.some((sql) => /INSERT INTO "public"\."Entry"|INSERT INTO "Entry"/.test(sql))).toBe(true);

    // The dashboard (here the "replica" is the same database, so no lag) counts what was just logged.
    const owner = callerWith(await userOf(env.t.owner.id), true);
    const rollup = await owner.dashboard.rollup({ teamId, goalId, period: "goal" });
    const row = rollup.rows.find((r) => r.id === env.t.memberA1.id);
    expect(row?.ownActual).toBe(4);
  });

  it("a mutation on the dashboard router (the leaderboard switch) writes the primary", async () => {
    const owner = callerWith(await userOf(env.t.owner.id), true);
    const seen = await traffic(() => owner.dashboard.setLeaderboard({ teamId: env.t.team.id, enabled: false }));
    expect(seen.replica).toEqual([]);
    expect(seen.primary.some((sql) => /^\s*(UPDATE|INSERT)/.test(sql))).toBe(true);
  });
});

describe("without a replica (DATABASE_REPLICA_URL unset)", () => {
  it("every procedure reads the primary and answers the same", async () => {
    const user = await userOf(env.t.owner.id);
    const teamId = env.t.team.id;
    const withReplica = await callerWith(user, true).dashboard.rollup({ teamId, goalId, period: "goal" });
    onReplica.length = 0;
    const plain = callerWith(user, false);
    const seen = await traffic(async () => {
      expect(await plain.dashboard.rollup({ teamId, goalId, period: "goal" })).toEqual(withReplica);
      await plain.dashboard.charts({ teamId, goalId });
      await plain.review.list({ teamId });
    });
    expect(seen.replica).toEqual([]);
    expect(seen.primary.some((sql) => sql.includes('"GoalSplit"'))).toBe(true);
  });
});

describe("openDatabase", () => {
  it("opens a replica client for PostgreSQL with a replica URL, and none without one", async () => {
    // Opening connects nothing (the pools are lazy), so no server needs to answer at these addresses.
    const url = "postgresql://app:secret@127.0.0.1:1/backplan";
    const replicated = openDatabase(url, { replicaUrl: "postgresql://app:secret@127.0.0.1:2/backplan" });
    const plain = openDatabase(url);
    expect(replicated.readDb).toBeDefined();
    expect(replicated.readDb).not.toBe(replicated.db);
    expect(plain.readDb).toBeUndefined();
    await Promise.all([replicated.close(), plain.close()]);
  });

  it("PGlite ignores a replica URL", async () => {
    const pglite = new PGlite();
    const database = openDatabase("pglite:memory", { pglite, replicaUrl: "postgresql://app:secret@127.0.0.1:2/x" });
    expect(database.readDb).toBeUndefined();
    await database.close();
  });

  it("on PostgreSQL, the replica client answers reads from the replica URL", async ({ skip }) => {
    if (env.database.kind !== "postgres") skip("the test database is PGlite (set TEST_DATABASE_URL for PostgreSQL)");
    const database = openDatabase(env.database.url, { replicaUrl: env.database.url, poolSize: 2 });
    try {
      const [row] = await database.readDb!.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Membership"`;
      expect(Number(row!.n)).toBe(await env.db.membership.count());
      expect(await database.readDb!.membership.count()).toBe(await env.db.membership.count());
    } finally {
      await database.close();
    }
  });
});
