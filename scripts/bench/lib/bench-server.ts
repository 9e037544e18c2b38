/**
 * Shared by the HTTP benchmarks: a throw-away PostgreSQL database (dropped, created, migrated), `next start` of the
 * benchmark build (`buildIfStale(root, { bench: true })`: production plus the `*.bench.ts` routes) on a loopback
 * port with BACKPLAN_BENCH=1, and next-auth session cookies minted with the server's
 * secret (JWT sessions: the same cookie the sign-in form would set).
 */
import { spawnSync } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { killAndWait, mintSessionCookie, nextBaseUrl, ROOT as projectRoot, startNext } from "../../lib/next-server";

export { projectRoot };

export const redact = (url: string) => url.replace(/:[^:@/]*@/, ":***@");

/** The names a bench may drop, and how to say so (a bench can narrow them). */
export interface DroppableNames {
  pattern: RegExp;
  described: string;
}

const BENCH_DATABASES: DroppableNames = {
  pattern: /^(backplan_bench[a-z0-9_]*|[a-z0-9_]*_bench[a-z0-9_]*|[a-z0-9_]+_logbench)$/,
  described: "bench databases are named backplan_bench…, <name>_bench… or <name>_logbench",
};

/**
 * Creates a PostgreSQL database when it does not exist yet (never drops one) and brings it to the current
 * migrations: the scale benchmarks keep their seeded tree between runs and seed it on the first.
 */
/** The scale benchmarks' database for a team of `members`: `backplan_scale` (10,000) or `backplan_scale_<n>k`. */
export const scaleDatabaseUrl = (members: number) =>
  `postgresql://postgres:postgres@127.0.0.1:5432/${members === 10_000 ? "backplan_scale" : `backplan_scale_${Math.round(members / 1000)}k`}`;

export async function ensureDatabase(url: string): Promise<void> {
  if (!url.startsWith("postgres")) return;
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/?]+(\?|$)/, "/postgres$1") });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      console.info(`Creating the database ${name}…`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
  } finally {
    await admin.end();
  }
  migrateDeploy(url);
}

function migrateDeploy(url: string): void {
  const migrate = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
}

/** Drops, creates and migrates a bench database — only one whose name says it is a bench's. */
export async function recreateDatabase(url: string, allowed: DroppableNames = BENCH_DATABASES): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!allowed.pattern.test(name)) throw new Error(`Refusing to drop ${name}: ${allowed.described}`);
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/?]+(\?|$)/, "/postgres$1") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  migrateDeploy(url);
}

export interface BenchServer {
  base: string;
  log: string;
  /** CPU time (user + system, seconds) the server process has used so far; NaN where /proc is not available. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** CPU seconds (user + system) of a process, from /proc (Linux); NaN elsewhere. */
export function processCpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return Number.NaN;
  }
}

export async function startServer(args: {
  url: string;
  secret: string;
  port: number;
  name: string;
  /** Extra node flags for the server process (e.g. --cpu-prof to profile it). */
  nodeArgs?: string[];
}): Promise<BenchServer> {
  const log = path.join(projectRoot, ".data", `bench-${args.name}-server.log`);
  const out = openSync(log, "w");
  const child = await startNext({
    port: args.port,
    databaseUrl: args.url,
    secret: args.secret,
    bench: true,
    nodeArgs: args.nodeArgs,
    stdio: ["ignore", out, out],
    readyPath: "/api/bench/ping",
    timeoutMs: 90_000,
    hint: `see ${log}`,
  });
  const stop = async () => {
    // A graceful stop (so --cpu-prof can write its profile), forced after 2 s.
    const force = setTimeout(() => child.kill("SIGKILL"), 2_000);
    await killAndWait(child, "SIGTERM");
    clearTimeout(force);
  };
  return { base: nextBaseUrl(args.port), log, stop, cpuSeconds: () => processCpuSeconds(child.pid) };
}

/** The session cookie for a user (plain http on loopback: the non-__Secure name). */
export function sessionCookie(secret: string, user: { id: string; name: string; email: string }): Promise<string> {
  return mintSessionCookie(secret, user, 3600);
}
