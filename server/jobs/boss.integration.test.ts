/**
 * The job engine (server/jobs/boss.ts) on a real database: pg-boss on the test file's PGlite instance (the embedded
 * mode, through `fromPglite`) or on PostgreSQL (TEST_DATABASE_URL). Jobs write into a scratch table, keyed by their
 * data, with INSERT … ON CONFLICT DO NOTHING — the idempotence every real handler must have.
 *
 * PostgreSQL only (skipped on PGlite, where one process owns the database): two workers on one database run a
 * scheduled tick once and a singleton job once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import type { Db } from "@/server/db-client";
import { startJobRunner, type JobRunner, type JobRunnerOptions } from "@/server/jobs/boss";
import { defineJob, type AnyJobDefinition } from "@/server/jobs/define-job";
import { enqueueJob } from "@/server/jobs/enqueue";
import { setJobEngine } from "@/server/jobs/engine";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "none" });
const onPostgres = inject("testDb").kind === "postgres";

const runners: JobRunner[] = [];
async function start(jobs: AnyJobDefinition[], options: Partial<JobRunnerOptions> = {}): Promise<JobRunner> {
  const runner = await startJobRunner({
    database: env.database,
    jobs,
    pollingIntervalSeconds: 0.5,
    retryDelaySeconds: 1,
    log: { info: () => {}, warn: console.warn, error: console.error },
    ...options,
  });
  runners.push(runner);
  return runner;
}

afterEach(async () => {
  setJobEngine(null);
  await Promise.all(runners.splice(0).map((runner) => runner.stop(5_000)));
});

beforeAll(async () => {
  await env.db.$executeRawUnsafe(
    `CREATE TABLE job_test_row (key text PRIMARY KEY, job text NOT NULL, worker text NOT NULL)`,
  );
  await env.db.$executeRawUnsafe(
    `CREATE TABLE job_test_attempt (id serial PRIMARY KEY, key text NOT NULL, worker text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  );
});
afterAll(() => setJobEngine(null));

/** The idempotent unit of work: one row per key, whoever runs it and however often. */
async function writeRow(db: Db, job: string, key: string, worker: string): Promise<void> {
  await db.$executeRaw`INSERT INTO job_test_attempt (key, worker) VALUES (${key}, ${worker})`;
  await db.$executeRaw`INSERT INTO job_test_row (key, job, worker) VALUES (${key}, ${job}, ${worker}) ON CONFLICT (key) DO NOTHING`;
}

async function rows(job: string): Promise<{ key: string; worker: string }[]> {
  return env.db.$queryRaw`SELECT key, worker FROM job_test_row WHERE job = ${job} ORDER BY key`;
}
async function attempts(keyPrefix: string): Promise<{ key: string; worker: string; at: Date }[]> {
  return env.db.$queryRaw`SELECT key, worker, at FROM job_test_attempt WHERE key LIKE ${`${keyPrefix}%`} ORDER BY id`;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function jobStates(runner: JobRunner, name: string) {
  const jobs = await runner.boss.findJobs<unknown>(name);
  return jobs.map((job) => ({ state: job.state, retryCount: job.retryCount, singletonKey: job.singletonKey }));
}

const keyed = (name: string, worker = "w1", handler?: (db: Db, data: { key: string }) => Promise<void>) =>
  defineJob({
    name,
    schema: z.object({ key: z.string().min(1) }),
    handler: handler ?? ((db, data) => writeRow(db, name, data.key, worker)),
  });

describe(`the job engine on ${onPostgres ? "PostgreSQL" : "PGlite (pg-boss on the app's instance)"}`, () => {
  it("runs an enqueued job with its validated data, through enqueueJob and the process's engine", async () => {
    const runner = await start([keyed("test.run")]);
    setJobEngine(runner);
    await enqueueJob("test.run", { key: "run-1" });
    await enqueueJob("test.run", { key: "run-2" }, { startAfter: new Date("2000-01-01T00:00:00Z") });
    await waitFor(async () => (await rows("test.run")).length === 2);
    expect((await rows("test.run")).map((row) => row.key)).toEqual(["run-1", "run-2"]);
    await waitFor(async () => (await jobStates(runner, "test.run")).every((job) => job.state === "completed"));
  });

  it("refuses bad data and unknown jobs when they are enqueued, adding nothing", async () => {
    const runner = await start([keyed("test.validate")]);
    await expect(runner.send("test.validate", { key: "" })).rejects.toThrow(/too_small|at least/i);
    await expect(runner.send("test.validate", { nope: 1 })).rejects.toThrow();
    await expect(runner.send("test.nobody", {})).rejects.toThrow(/No job is named "test.nobody"/);
    expect(await jobStates(runner, "test.validate")).toEqual([]);
  });

  it("adds a singleton job once per key and window", async () => {
    const runner = await start([keyed("test.singleton")], { work: false });
    await Promise.all([
      runner.send("test.singleton", { key: "s-1" }, { singletonKey: "team-1" }),
      runner.send("test.singleton", { key: "s-2" }, { singletonKey: "team-1" }),
      runner.send("test.singleton", { key: "s-3" }, { singletonKey: "team-2" }),
    ]);
    const jobs = await jobStates(runner, "test.singleton");
    expect(jobs.map((job) => job.singletonKey).sort()).toEqual(["team-1", "team-2"]);
  });

  it("retries a failing handler with back-off, then marks the job failed", async () => {
    const name = "test.failing";
    const failing = defineJob({
      name,
      schema: z.object({ key: z.string() }),
      retryLimit: 2,
      handler: async (db, data) => {
        await db.$executeRaw`INSERT INTO job_test_attempt (key, worker) VALUES (${data.key}, 'w1')`;
        throw new Error("the mail server is down");
      },
    });
    const runner = await start([failing]);
    await runner.send(name, { key: "fail-1" });
    await waitFor(async () => (await jobStates(runner, name))[0]?.state === "failed", 30_000);
    const [job] = await runner.boss.findJobs<unknown>(name);
    expect(job).toMatchObject({ state: "failed", retryCount: 2, retryLimit: 2, retryBackoff: true });
    expect(JSON.stringify(job?.output)).toContain("the mail server is down");
    const tries = await attempts("fail-1");
    expect(tries).toHaveLength(3); // the first run and two retries
    // Back-off: retryDelay·2^n with jitter — at least 1 s before the first retry, at least 2 s before the second.
    const gaps = tries.slice(1).map((attempt, i) => attempt.at.getTime() - tries[i]!.at.getTime());
    expect(gaps[0]).toBeGreaterThanOrEqual(950);
    expect(gaps[1]).toBeGreaterThanOrEqual(1_950);
  });

  it("a retried handler's work is done once (idempotent): the row is written once, the retry finds it", async () => {
    const name = "test.flaky";
    let runs = 0;
    const flaky = keyed(name, "w1", async (db, data) => {
      runs += 1;
      await writeRow(db, name, data.key, "w1");
      if (runs === 1) throw new Error("lost the connection after the write");
    });
    const runner = await start([flaky]);
    await runner.send(name, { key: "flaky-1" });
    await waitFor(async () => (await jobStates(runner, name))[0]?.state === "completed");
    expect(runs).toBe(2);
    expect(await attempts("flaky-1")).toHaveLength(2);
    expect(await rows(name)).toEqual([{ key: "flaky-1", worker: "w1" }]);
  });
});

describe.runIf(onPostgres)(
  "two workers on one PostgreSQL database (skipped on PGlite: one process per database)",
  () => {
    it("run each job once, a singleton job once, and each scheduled tick once", async () => {
      const realNow = () => performance.timeOrigin + performance.now(); // pg-boss's clock is the real one
      const startedAt = realNow();
      const tuning = { cronWorkerIntervalSeconds: 1, cronMonitorIntervalSeconds: 1 };
      const defs = (worker: string) => [
        // Each shared job takes 100 ms: one worker alone would need 4 s for the 40, while the other polls every
        // 0.5 s — so both take some, whichever starts first (instant jobs let the first drain the queue alone).
        keyed("test.shared", worker, async (db, data) => {
          await new Promise((resolve) => setTimeout(resolve, 100));
          await writeRow(db, "test.shared", data.key, worker);
        }),
        defineJob({
          name: "test.tick",
          schema: z.object({}),
          // Every 2 seconds (a seconds field): both workers keep the schedule and check it every second.
          schedule: { cron: "*/2 * * * * *" },
          handler: async (db) => {
            const [{ n }] = await db.$queryRaw<
              [{ n: number }]
            >`SELECT count(*)::int AS n FROM job_test_attempt WHERE key LIKE 'tick-%'`;
            await db.$executeRaw`INSERT INTO job_test_attempt (key, worker) VALUES (${`tick-${n}`}, ${worker})`;
          },
        }),
      ];
      const first = await start(defs("w1"), { tuning });
      const second = await start(defs("w2"), { tuning });

      // 40 jobs sent through both workers, plus one singleton key sent by both at once.
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? first : second).send("test.shared", { key: `shared-${i}` })),
      );
      await Promise.all([
        first.send("test.shared", { key: "single-a" }, { singletonKey: "the-one", startAfter: new Date("2000-01-01") }),
        second.send(
          "test.shared",
          { key: "single-b" },
          { singletonKey: "the-one", startAfter: new Date("2000-01-01") },
        ),
      ]);
      await waitFor(async () => (await rows("test.shared")).length >= 41);
      await new Promise((resolve) => setTimeout(resolve, 2_000)); // late duplicates would show now

      const shared = await attempts("shared-");
      expect(shared).toHaveLength(40); // each job ran exactly once across the two workers
      expect(new Set(shared.map((attempt) => attempt.key)).size).toBe(40);
      expect(new Set(shared.map((attempt) => attempt.worker))).toEqual(new Set(["w1", "w2"]));
      expect(await attempts("single-")).toHaveLength(1);

      // The tick: both workers keep the schedule and check it every second. pg-boss sends one job per schedule and
      // minute slot (an expression finer than a minute sends once a slot), whichever worker's pass sends it: without
      // that, two workers checking every second would send many per slot.
      await waitFor(async () => (await attempts("tick-")).length >= 1, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await waitFor(async () =>
        (await first.boss.findJobs<unknown>("test.tick")).every((job) => job.state !== "active"),
      );
      const ticks = await first.boss.findJobs<unknown>("test.tick");
      const slots = Math.floor(realNow() / 60_000) - Math.floor(startedAt / 60_000) + 1;
      expect(ticks.length).toBeGreaterThanOrEqual(1);
      expect(ticks.length).toBeLessThanOrEqual(slots);
      const completed = ticks.filter((job) => job.state === "completed");
      const tickRuns = await attempts("tick-");
      expect(tickRuns.length, JSON.stringify({ tickRuns, ticks })).toBe(completed.length);
    }, 60_000);
  },
);

describe.runIf(!onPostgres)("on PGlite (skipped on PostgreSQL)", () => {
  it("keeps the schedule of a scheduled job and removes a schedule whose job is gone", async () => {
    const tick = defineJob({
      name: "test.pglite-tick",
      schema: z.object({}),
      schedule: { cron: "*/5 * * * *" },
      handler: async () => {},
    });
    const runner = await start([tick]);
    expect((await runner.boss.getSchedules()).map((s) => [s.name, s.cron, s.timezone])).toEqual([
      ["test.pglite-tick", "*/5 * * * *", "UTC"],
    ]);
    await runner.stop(5_000);
    const again = await start([]);
    expect(await again.boss.getSchedules()).toEqual([]);
  });
});
