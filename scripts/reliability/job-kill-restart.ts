/**
 * Background jobs survive a worker killed with SIGKILL mid-burst — counted, not assumed.
 *
 * A worker process (scripts/reliability/job-worker.ts: the real engine, server/jobs) works a queue of N jobs that
 * each write one row keyed by their data, idempotently. The worker is killed with SIGKILL while jobs are running,
 * then started again. At the end every job must be completed, every key written exactly once (none lost, none
 * doubled), and no job failed; the jobs that were running at the kill are re-run after they expire (counted).
 * Then the worker is stopped with SIGTERM and must exit cleanly (the graceful stop).
 *
 *   npm run reliability:jobs -- [--jobs 300]
 * Needs PostgreSQL (RELIABILITY_PG_URL or 127.0.0.1:5432): on PGlite the worker lives inside the app. Bounded
 * (well under a minute); exits non-zero when anything is lost, doubled or stuck.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { startJobRunner } from "../../server/jobs/boss";
import { killAndWait } from "../lib/next-server";
import { ROOT, scratchDatabase } from "../lib/app-server";
import { RELIABILITY_JOB, RELIABILITY_RUNNER, createReliabilityTables, reliabilityJob } from "./job-definition";

const { values } = parseArgs({ options: { jobs: { type: "string", default: "300" } } });
const N = Number(values.jobs);
const DEADLINE_MS = 50_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startWorkerProcess(url: string): Promise<ChildProcess> {
  // node itself with tsx as a loader (not the tsx CLI, whose child a SIGKILL would leave running).
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/reliability/job-worker.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the worker did not start within 20 s")), 20_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => reject(new Error(`the worker exited early (${code})`)));
  });
}

async function main() {
  const started = performance.now();
  const scratch = await scratchDatabase("jobkill");
  if (scratch.kind !== "postgresql") {
    console.info("▸ job kill-restart: skipped (needs PostgreSQL: on PGlite the worker runs inside the app process)");
    await scratch.drop();
    return;
  }
  const database = scratch.open();
  const { db } = database;
  let worker: ChildProcess | undefined;
  const sender = await startJobRunner({
    database,
    jobs: [reliabilityJob],
    work: false,
    ...RELIABILITY_RUNNER,
    log: { info: () => {}, warn: console.warn, error: console.error },
  });
  try {
    await createReliabilityTables(db);
    worker = await startWorkerProcess(scratch.url);
    console.info(`▸ job kill-restart on PostgreSQL: ${N} jobs, SIGKILL of the worker mid-burst`);

    const keys = Array.from({ length: N }, (_, i) => `row-${String(i).padStart(4, "0")}`);
    const sending = (async () => {
      for (let i = 0; i < keys.length; i += 25) {
        await Promise.all(keys.slice(i, i + 25).map((key) => sender.send(RELIABILITY_JOB, { key })));
        await sleep(20);
      }
    })();

    const countRows = async () =>
      (await db.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM reliability_job_row`)[0].n;
    while ((await countRows()) < N / 3) await sleep(50);
    await killAndWait(worker, "SIGKILL");
    // With no worker alive, the jobs still "active" are the ones the kill cut short.
    const active = (await sender.boss.findJobs(RELIABILITY_JOB)).filter((job) => job.state === "active").length;
    const rowsAtKill = await countRows();
    console.info(`  killed the worker with ${rowsAtKill} rows written and ${active} jobs running`);
    await sending;

    worker = await startWorkerProcess(scratch.url);
    let jobs = await sender.boss.findJobs(RELIABILITY_JOB);
    while (jobs.some((job) => job.state !== "completed" && job.state !== "failed")) {
      if (performance.now() - started > DEADLINE_MS) break;
      await sleep(250);
      jobs = await sender.boss.findJobs(RELIABILITY_JOB);
    }

    const rows = await db.$queryRaw<{ key: string }[]>`SELECT key FROM reliability_job_row ORDER BY key`;
    const runs = await db.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM reliability_job_run`;
    const states = new Map<string, number>();
    for (const job of jobs) states.set(job.state, (states.get(job.state) ?? 0) + 1);
    const problems: string[] = [];
    if (jobs.length !== N) problems.push(`${jobs.length} jobs in the queue, expected ${N}`);
    if ((states.get("completed") ?? 0) !== N) problems.push(`job states ${JSON.stringify(Object.fromEntries(states))}`);
    const written = new Set(rows.map((row) => row.key));
    const lost = keys.filter((key) => !written.has(key));
    if (lost.length > 0) problems.push(`${lost.length} rows lost (${lost.slice(0, 5).join(", ")}…)`);
    if (rows.length !== written.size || rows.length > N) problems.push(`${rows.length} rows for ${written.size} keys`);

    // The graceful stop: SIGTERM lets the worker finish and exit 0.
    const exited = new Promise<number | null>((resolve) => worker!.once("exit", (code) => resolve(code)));
    worker.kill("SIGTERM");
    const code = await Promise.race([exited, sleep(15_000).then(() => "timeout" as const)]);
    if (code !== 0) problems.push(`the worker's SIGTERM stop ended with ${code}`);
    worker = undefined;

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(
      `  ${rows.length}/${N} rows, ${runs[0].n} handler runs (${runs[0].n - N} re-runs after the kill), ` +
        `${states.get("completed") ?? 0} jobs completed, ${seconds} s`,
    );
    if (active === 0) problems.push("the kill landed while no job was running (nothing was tested)");
    if (problems.length > 0) throw new Error(`job kill-restart failed: ${problems.join("; ")}`);
    console.info("✔ job kill-restart: every job completed, every row written exactly once");
  } finally {
    if (worker) await killAndWait(worker, "SIGKILL");
    await sender.stop(5_000).catch(() => undefined);
    await database.close();
    await scratch.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
