/**
 * Shared by the HTTP benchmarks: a throw-away PostgreSQL database (dropped, created, migrated), `next start` of the
 * production build on a loopback port with BENCH_ROUTES=1, and next-auth session cookies minted with the server's
 * secret (JWT sessions: the same cookie the sign-in form would set).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { encode } from "next-auth/jwt";
import pg from "pg";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export const redact = (url: string) => url.replace(/:[^:@/]*@/, ":***@");

export async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^(backplan_bench[a-z0-9_]*|[a-z0-9_]*_bench[a-z0-9_]*|[a-z0-9_]+_logbench)$/.test(name)) {
    throw new Error(`Refusing to drop ${name}: bench databases are named backplan_bench…, <name>_bench… or <name>_logbench`);
  }
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/?]+(\?|$)/, "/postgres$1") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const migrate = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
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
  const base = `http://127.0.0.1:${args.port}`;
  const log = path.join(projectRoot, ".data", `bench-${args.name}-server.log`);
  const out = openSync(log, "w");
  const child: ChildProcess = spawn(process.execPath, [...(args.nodeArgs ?? []), "node_modules/next/dist/bin/next", "start", "-p", String(args.port), "-H", "127.0.0.1"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: args.url,
      NEXTAUTH_SECRET: args.secret,
      NEXTAUTH_URL: base,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      BENCH_ROUTES: "1",
    },
    stdio: ["ignore", out, out],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    for (let i = 0; i < 20 && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}); see ${log}`);
    try {
      if ((await fetch(`${base}/api/bench/ping`)).ok) return { base, log, stop, cpuSeconds: () => processCpuSeconds(child.pid) };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start did not answer within 90 s; see ${log}`);
}

/** The session cookie for a user (plain http on loopback: the non-__Secure name). */
export async function sessionCookie(secret: string, user: { id: string; name: string; email: string }): Promise<string> {
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email }, secret, maxAge: 3600 });
  return `next-auth.session-token=${token}`;
}
