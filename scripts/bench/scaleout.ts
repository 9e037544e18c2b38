/**
 * The scale-out rehearsal, on this machine, from one command (docs/SCALING.md):
 *
 *   npm run bench:scaleout -- [--duration 8] [--members 1000] [--failover-entries 3000]
 *                              [--server postgresql://postgres:postgres@127.0.0.1:5432/postgres]
 *
 *   autocannon, devices ─► HAProxy :8439 (round robin + health check; :8440 = instance A alone, :8441 = stats)
 *                            ├─► next start :3121 (A) ┐ BACKPLAN_WORKER=off
 *                            └─► next start :3122 (B) ┘
 *                                  │ writes, the Log, My plan, access checks      │ the dashboard's reads
 *                                  ▼                                              ▼
 *                            PgBouncer :6439 (transaction) ─► PostgreSQL :5432 ─WAL─► streaming replica :5439
 *
 * 1. a throw-away primary database (backplan_scaleout_bench) on the existing cluster, migrated and seeded with a team
 *    of --members (scripts/seed-scale.ts);
 * 2. a streaming replica of the cluster: pg_basebackup -R into a temp folder, started with pg_ctl as the postgres
 *    user on its own port; waits until it has replayed the seed;
 * 3. PgBouncer in transaction mode in front of the primary (the app's pool points at it; the replica is reached
 *    directly), two `next start` instances of the benchmark build (scripts/lib/build.mjs) behind HAProxy;
 * 4. autocannon: logging (one entry a request, the Log's tRPC mutation `entry.log` with a session cookie) and the
 *    dashboard roll-up (`dashboard.rollup`, the owner's whole team), each through ONE instance and through TWO;
 * 5. failover: a logging burst through the proxy with unique entry ids, one instance killed with SIGKILL mid-burst,
 *    failed requests retried with the SAME ids (as the phone's offline queue does); then every id must be stored
 *    exactly once on the primary, and the dashboard (read on the replica) must converge to the same total.
 * Everything is torn down at the end, also on failure or Ctrl-C. Missing apt packages (pgbouncer, haproxy) are
 * installed first. Run as root (the replica and PgBouncer run as the postgres user). Exits non-zero when an entry is
 * lost or doubled, or the dashboard does not converge.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import {
  appendFileSync,
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import superjson from "superjson";
import { openDatabase } from "../../server/db-client";
import { ensureAuthSecret } from "../lib/auth-secret.mjs";
import { buildIfStale } from "../lib/build.mjs";
import { killAndWait, startNext } from "../lib/next-server";
import { seedScale } from "../seed-scale";
import { projectRoot as root, recreateDatabase, redact, sessionCookie } from "./lib/bench-server";
import { int, ms, numberFlag, stringFlag, summarize } from "./lib/stats";

const duration = numberFlag("duration", 8);
const members = numberFlag("members", 1000);
const failoverEntries = numberFlag("failover-entries", 3000);
const primaryServer = stringFlag("server") ?? "postgresql://postgres:postgres@127.0.0.1:5432/postgres";
const PORTS = { replica: 5439, pgbouncer: 6439, proxy: 8439, proxyOne: 8440, stats: 8441, a: 3121, b: 3122 } as const;
const APP_POOL = 20; // DATABASE_POOL_SIZE of each instance (to PgBouncer, and to the replica)
const BOUNCER_POOL = 12; // PgBouncer's server connections to the primary (default_pool_size)
const DB_NAME = "backplan_scaleout_bench";
const PG_BIN = "/usr/lib/postgresql/15/bin";
const deadline = performance.now() + 10 * 60_000;

const primaryUrl = (() => {
  const u = new URL(primaryServer);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();
const pgUser = decodeURIComponent(new URL(primaryServer).username);
const pgPassword = decodeURIComponent(new URL(primaryServer).password);
const at = (port: number, name = DB_NAME) =>
  `postgresql://${encodeURIComponent(pgUser)}:${encodeURIComponent(pgPassword)}@127.0.0.1:${port}/${name}`;

// ── teardown: every started piece registers its stop; run in reverse on exit, failure or a signal ──────────────
const teardown: { name: string; stop: () => Promise<void> | void }[] = [];
let tornDown = false;
async function tearDown() {
  if (tornDown) return;
  tornDown = true;
  console.info("▸ Tearing down…");
  for (const step of teardown.reverse()) {
    try {
      await step.stop();
    } catch (error) {
      console.warn(`  (could not stop ${step.name}: ${String(error)})`);
    }
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void tearDown().finally(() => process.exit(130)));

function sh(command: string, args: string[], options: { asPostgres?: boolean; env?: Record<string, string> } = {}) {
  const [cmd, argv] = options.asPostgres ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { encoding: "utf8", env: { ...process.env, ...options.env } });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const sleep = (msDelay: number) => new Promise((r) => setTimeout(r, msDelay));

function checkBudget(step: string) {
  if (performance.now() > deadline) throw new Error(`Over the 10-minute budget at: ${step}`);
}

/** apt packages this rehearsal needs, installed when missing (as .ci/run does). */
function ensurePackages() {
  const need: string[] = [];
  if (!existsSync("/usr/sbin/pgbouncer")) need.push("pgbouncer");
  if (!existsSync("/usr/sbin/haproxy")) need.push("haproxy");
  if (!existsSync(`${PG_BIN}/pg_ctl`) || !existsSync("/usr/bin/pg_basebackup")) need.push("postgresql");
  if (need.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`Missing ${need.join(", ")}: run as root, or apt-get install them.`);
  console.info(`▸ Installing ${need.join(", ")} from apt (the rehearsal needs them)…`);
  sh("apt-get", ["update", "-qq"]);
  sh("apt-get", ["install", "-y", "-qq", ...need], { env: { DEBIAN_FRONTEND: "noninteractive" } });
}

async function portFree(port: number): Promise<boolean> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const server = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => server.close(() => resolve(true)))
      .listen(port, "127.0.0.1");
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

// ── the streaming replica ───────────────────────────────────────────────────────────────────────────────────────
async function startReplica(work: string): Promise<void> {
  const dataDir = path.join(work, "replica");
  const [settings] = await query<{ max_connections: string; max_worker_processes: string; max_locks: string }>(
    primaryServer,
    `SELECT current_setting('max_connections') AS max_connections,
            current_setting('max_worker_processes') AS max_worker_processes,
            current_setting('max_locks_per_transaction') AS max_locks`,
  );
  console.info(`▸ Streaming replica: pg_basebackup -R of the cluster into ${dataDir}…`);
  sh(
    "/usr/bin/pg_basebackup",
    // -c fast: checkpoint at once (the default, spread, waits up to 0.9 × checkpoint_timeout after a big seed).
    [
      "-h",
      "127.0.0.1",
      "-p",
      String(new URL(primaryServer).port || 5432),
      "-U",
      pgUser,
      "-D",
      dataDir,
      "-R",
      "-c",
      "fast",
    ],
    { asPostgres: true, env: { PGPASSWORD: pgPassword } },
  );
  teardown.push({
    name: "the replica",
    stop: () => {
      spawnSync("runuser", ["-u", "postgres", "--", `${PG_BIN}/pg_ctl`, "-D", dataDir, "stop", "-m", "immediate"]);
    },
  });
  // Debian keeps the configuration outside the data folder: the replica gets its own, on loopback and its own port.
  // A hot standby needs at least the primary's max_connections / max_worker_processes / max_locks_per_transaction.
  writeFileSync(
    path.join(dataDir, "postgresql.conf"),
    [
      `port = ${PORTS.replica}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${work}'`,
      `cluster_name = 'backplan_scaleout_replica'`,
      `hot_standby = on`,
      `hot_standby_feedback = on`,
      `max_connections = ${settings!.max_connections}`,
      `max_worker_processes = ${settings!.max_worker_processes}`,
      `max_locks_per_transaction = ${settings!.max_locks}`,
      `shared_buffers = 128MB`,
      `ssl = off`,
      `logging_collector = off`,
      "",
    ].join("\n"),
  );
  writeFileSync(path.join(dataDir, "pg_hba.conf"), "local all all peer\nhost all all 127.0.0.1/32 scram-sha-256\n");
  writeFileSync(path.join(dataDir, "pg_ident.conf"), "");
  // -R wrote primary_conninfo into postgresql.auto.conf (read last); a later line there names the standby too, so the
  // primary's pg_stat_replication shows it by name (the lag samples below).
  const primary = new URL(primaryServer);
  appendFileSync(
    path.join(dataDir, "postgresql.auto.conf"),
    `primary_conninfo = 'host=127.0.0.1 port=${primary.port || 5432} user=${pgUser} password=${pgPassword} application_name=backplan_scaleout_replica'\n`,
  );
  for (const file of ["postgresql.conf", "pg_hba.conf", "pg_ident.conf"]) chownPostgres(path.join(dataDir, file));
  sh(`${PG_BIN}/pg_ctl`, ["-D", dataDir, "-l", path.join(work, "replica.log"), "-w", "-t", "60", "start"], {
    asPostgres: true,
  });
  // Replayed up to the primary's position after the seed?
  const [{ lsn } = { lsn: "" }] = await query<{ lsn: string }>(
    primaryServer,
    "SELECT pg_current_wal_lsn()::text AS lsn",
  );
  const replicaUrl = at(PORTS.replica);
  for (let i = 0; ; i++) {
    try {
      const [row] = await query<{ caught: boolean; standby: boolean }>(
        replicaUrl,
        "SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught",
        [lsn],
      );
      if (row?.standby && row.caught) break;
    } catch {
      // still starting
    }
    if (i > 300) throw new Error(`The replica did not catch up within 60 s; see ${path.join(work, "replica.log")}`);
    await sleep(200);
  }
}

function chownPostgres(target: string) {
  const uid = Number(sh("id", ["-u", "postgres"]).trim());
  const gid = Number(sh("id", ["-g", "postgres"]).trim());
  chownSync(target, uid, gid);
}

// ── PgBouncer (transaction pooling) in front of the primary ─────────────────────────────────────────────────────
async function startPgBouncer(work: string): Promise<void> {
  const dir = path.join(work, "pgbouncer");
  mkdirSync(dir, { recursive: true });
  const primary = new URL(primaryServer);
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `${DB_NAME} = host=127.0.0.1 port=${primary.port || 5432} dbname=${DB_NAME}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${PORTS.pgbouncer}`,
      `unix_socket_dir = ${dir}`,
      "auth_type = scram-sha-256",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${BOUNCER_POOL}`,
      "reserve_pool_size = 4",
      "max_client_conn = 1000",
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      `admin_users = ${pgUser}`,
      "",
    ].join("\n"),
  );
  writeFileSync(path.join(dir, "userlist.txt"), `"${pgUser}" "${pgPassword}"\n`);
  chmodSync(path.join(dir, "userlist.txt"), 0o600);
  for (const f of ["", "pgbouncer.ini", "userlist.txt"]) chownPostgres(path.join(dir, f));
  // PgBouncer refuses to run as root; -d daemonizes, the pid file says whom to stop.
  sh("/usr/sbin/pgbouncer", ["-d", path.join(dir, "pgbouncer.ini")], { asPostgres: true });
  teardown.push({
    name: "PgBouncer",
    stop: () => {
      const pid = Number(readFileSync(path.join(dir, "pgbouncer.pid"), "utf8").trim());
      if (pid > 0) process.kill(pid, "SIGTERM");
    },
  });
  for (let i = 0; ; i++) {
    try {
      await query(at(PORTS.pgbouncer), "SELECT 1");
      return;
    } catch (error) {
      if (i > 50) throw new Error(`PgBouncer does not answer: ${String(error)}; see ${dir}/pgbouncer.log`);
      await sleep(100);
    }
  }
}

// ── HAProxy: two instances round robin (:proxy), and instance A alone (:proxyOne) for the one-instance runs ────
async function startHaproxy(work: string): Promise<ChildProcess> {
  const config = path.join(work, "haproxy.cfg");
  const server = (name: string, port: number) =>
    `  server ${name} 127.0.0.1:${port} check inter 1s fall 2 rise 1 maxconn 200`;
  writeFileSync(
    config,
    [
      "global",
      "  maxconn 4000",
      "defaults",
      "  mode http",
      "  option http-keep-alive",
      "  option forwardfor",
      "  timeout connect 2s",
      "  timeout client 30s",
      "  timeout server 30s",
      // A busy instance answers its health check slowly: 3 s before a check counts as failed (a dead one refuses at once).
      "  timeout check 3s",
      "  retries 2",
      "  option redispatch",
      "  option httpchk GET /api/bench/ping",
      "  http-check expect status 200",
      "frontend two",
      `  bind 127.0.0.1:${PORTS.proxy}`,
      "  default_backend next_two",
      "frontend one",
      `  bind 127.0.0.1:${PORTS.proxyOne}`,
      "  default_backend next_one",
      "backend next_two",
      "  balance roundrobin",
      server("a", PORTS.a),
      server("b", PORTS.b),
      "backend next_one",
      server("a", PORTS.a),
      "listen stats",
      `  bind 127.0.0.1:${PORTS.stats}`,
      "  stats enable",
      "  stats uri /stats",
      "",
    ].join("\n"),
  );
  sh("/usr/sbin/haproxy", ["-c", "-q", "-f", config]);
  const log = openSync(path.join(work, "haproxy.log"), "w");
  const child = spawn("/usr/sbin/haproxy", ["-db", "-f", config], { stdio: ["ignore", log, log] });
  teardown.push({ name: "HAProxy", stop: () => killAndWait(child, "SIGTERM") });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORTS.proxy}/api/bench/ping`)).ok) return child;
    } catch {
      // not up yet
    }
    if (i > 100) throw new Error(`HAProxy does not answer; see ${work}/haproxy.log`);
    await sleep(100);
  }
}

// ── load ────────────────────────────────────────────────────────────────────────────────────────────────────────
interface Phase {
  name: string;
  result: autocannon.Result;
  latencies: number[];
  lag: LagSample;
  /** 2xx answers by instance (HAProxy's counters): the round robin at work. */
  perInstance: string;
}

/** HAProxy's counters per server: 2xx and 5xx answers so far, and whether its health check says UP. */
async function haproxyCounters(): Promise<Map<string, { ok: number; failed: number; status: string }>> {
  const text = await (await fetch(`http://127.0.0.1:${PORTS.stats}/stats;csv`)).text();
  const [header = "", ...lines] = text.trim().split("\n");
  const columns = header.replace(/^# /, "").split(",");
  const col = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? "";
  const counters = new Map<string, { ok: number; failed: number; status: string }>();
  for (const line of lines) {
    const cells = line.split(",");
    counters.set(`${col(cells, "pxname")}/${col(cells, "svname")}`, {
      ok: Number(col(cells, "hrsp_2xx")) || 0,
      failed: Number(col(cells, "hrsp_5xx")) || 0,
      status: col(cells, "status"),
    });
  }
  return counters;
}

/** What the errors were: status codes other than 2xx, timeouts, socket errors. */
function errorKinds(result: autocannon.Result): string {
  const codes = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, stat]) => `${code}×${(stat as { count: number }).count}`);
  if (result.timeouts) codes.push(`timeouts×${result.timeouts}`);
  if (result.errors - result.timeouts > 0) codes.push(`socket×${result.errors - result.timeouts}`);
  return codes.join(" ");
}

interface LagSample {
  maxReplayMs: number;
  maxBytes: number;
}

/** Samples the replica's lag on the primary (pg_stat_replication) while `run` runs. */
async function withLag<T>(run: () => Promise<T>): Promise<[T, LagSample]> {
  const client = new pg.Client({ connectionString: primaryServer });
  await client.connect();
  const lag: LagSample = { maxReplayMs: 0, maxBytes: 0 };
  let going = true;
  const sampler = (async () => {
    while (going) {
      const { rows } = await client.query<{ replay_ms: number | null; bytes: string | null }>(
        `SELECT extract(epoch FROM replay_lag) * 1000 AS replay_ms,
                pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::text AS bytes
           FROM pg_stat_replication WHERE application_name = 'backplan_scaleout_replica'`,
      );
      const row = rows[0];
      if (row) {
        lag.maxReplayMs = Math.max(lag.maxReplayMs, Number(row.replay_ms ?? 0));
        lag.maxBytes = Math.max(lag.maxBytes, Number(row.bytes ?? 0));
      }
      await sleep(200);
    }
  })();
  try {
    return [await run(), lag];
  } finally {
    going = false;
    await sampler;
    await client.end();
  }
}

function cannon(url: string, connections: number, request: autocannon.Request, seconds = duration) {
  return new Promise<{ result: autocannon.Result; latencies: number[] }>((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      { url, connections, duration: seconds, timeout: 10, requests: [request] },
      (error, result) => (error ? reject(error) : resolve({ result, latencies })),
    );
    instance.on("response", (_c, _s, _b, responseTime) => latencies.push(responseTime));
  });
}

async function main() {
  if (process.getuid?.() !== 0)
    throw new Error("Run as root: the replica and PgBouncer are started as the postgres user.");
  ensurePackages();
  for (const [name, port] of Object.entries(PORTS))
    if (!(await portFree(port))) throw new Error(`Port ${port} (${name}) is in use: a rehearsal still running?`);

  const secret = ensureAuthSecret(root);
  await buildIfStale(root, { bench: true });
  checkBudget("the build");

  const work = mkdtempSync("/tmp/backplan-scaleout-");
  chownPostgres(work);
  teardown.push({ name: "the work folder", stop: () => rmSync(work, { recursive: true, force: true }) });
  // The logs outlive the work folder: .data/scaleout/ (the app instances, HAProxy, PgBouncer, the replica).
  const logs = path.join(root, ".data", "scaleout");
  teardown.push({
    name: "the logs",
    stop: () => {
      rmSync(logs, { recursive: true, force: true });
      mkdirSync(logs, { recursive: true });
      for (const file of ["next-a.log", "next-b.log", "haproxy.log", "replica.log", "pgbouncer/pgbouncer.log"])
        if (existsSync(path.join(work, file)))
          writeFileSync(path.join(logs, path.basename(file)), readFileSync(path.join(work, file)));
      console.info(`  logs kept in ${path.relative(root, logs)}/`);
    },
  });

  console.info(`▸ Primary: re-creating ${redact(primaryUrl)} and seeding a team of ${members} members…`);
  await recreateDatabase(primaryUrl);
  teardown.push({
    name: "the primary database",
    stop: async () => {
      await query(primaryServer, `DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    },
  });
  const database = openDatabase(primaryUrl);
  teardown.push({ name: "the seeding client", stop: () => database.close() });
  const seeded = await seedScale(database.db, { members, days: 30, entries: false });
  const { teamId, goalId } = seeded;
  const goal = await database.db.goal.findUniqueOrThrow({ where: { id: goalId }, select: { metricId: true } });
  const users = await database.db.membership.findMany({
    where: { teamId, role: "MEMBER" },
    select: { user: { select: { id: true, email: true, name: true } } },
    take: 200,
    orderBy: { id: "asc" },
  });
  const cookies = await Promise.all(users.map(({ user }) => sessionCookie(secret, user)));
  const owner = await database.db.membership.findUniqueOrThrow({
    where: { id: seeded.rootMembershipId },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  const ownerCookie = await sessionCookie(secret, owner.user);
  checkBudget("seeding");

  await startReplica(work);
  await startPgBouncer(work);
  checkBudget("the replica and PgBouncer");

  console.info(
    `▸ Two next start instances (:${PORTS.a}, :${PORTS.b}) → PgBouncer :${PORTS.pgbouncer} (primary) and the replica :${PORTS.replica}…`,
  );
  const instances = new Map<string, ChildProcess>();
  await Promise.all(
    (["a", "b"] as const).map(async (name) => {
      const log = openSync(path.join(work, `next-${name}.log`), "w");
      const child = await startNext({
        port: PORTS[name],
        databaseUrl: at(PORTS.pgbouncer),
        secret,
        bench: true,
        env: {
          DATABASE_REPLICA_URL: at(PORTS.replica),
          DATABASE_POOL_SIZE: String(APP_POOL),
          // PgBouncer 1.18 in transaction mode cannot carry named statements (server/queries/prepared.ts).
          DATABASE_PREPARED_STATEMENTS: "off",
          BACKPLAN_WORKER: "off",
        },
        stdio: ["ignore", log, log],
        readyPath: "/api/bench/ping",
        timeoutMs: 120_000,
        hint: `see ${path.join(work, `next-${name}.log`)}`,
      });
      instances.set(name, child);
      teardown.push({ name: `next start ${name}`, stop: () => killAndWait(child, "SIGKILL") });
    }),
  );
  await startHaproxy(work);
  checkBudget("the app instances and the proxy");

  let nextCookie = 0;
  const logBody = (ids: string[]) =>
    JSON.stringify({ json: { teamId, entries: ids.map((id) => ({ id, metricId: goal.metricId, amount: 1 })) } });
  const logRequest: autocannon.Request = {
    method: "POST",
    path: "/api/trpc/entry.log",
    setupRequest: (request) => ({
      ...request,
      headers: { "content-type": "application/json", cookie: cookies[nextCookie++ % cookies.length]! },
      body: logBody([randomUUID()]),
    }),
  };
  const rollupInput = encodeURIComponent(JSON.stringify(superjson.serialize({ teamId, goalId, period: "week" })));
  const rollupRequest: autocannon.Request = {
    method: "GET",
    path: `/api/trpc/dashboard.rollup?input=${rollupInput}`,
    headers: { cookie: ownerCookie },
  };

  // A request of each kind answers through the proxy before any load (a wrong cookie would make every request fail).
  for (const [label, request] of [
    [
      "log",
      {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookies[0]! },
        body: logBody([randomUUID()]),
      },
    ],
    ["dashboard", { headers: { cookie: ownerCookie } }],
  ] as const) {
    const url =
      label === "log"
        ? `http://127.0.0.1:${PORTS.proxy}/api/trpc/entry.log`
        : `http://127.0.0.1:${PORTS.proxy}/api/trpc/dashboard.rollup?input=${rollupInput}`;
    const res = await fetch(url, request);
    if (!res.ok) throw new Error(`A ${label} request failed before the load (${res.status}): ${await res.text()}`);
  }

  console.info("▸ Warming up both instances (2 s)…");
  await Promise.all([
    cannon(`http://127.0.0.1:${PORTS.proxy}`, 10, logRequest, 2),
    cannon(`http://127.0.0.1:${PORTS.proxy}`, 10, rollupRequest, 2),
  ]).catch(() => undefined);

  const phases: Phase[] = [];
  const run = async (name: string, port: number, connections: number, request: autocannon.Request) => {
    console.info(`  ${name}…`);
    const before = await haproxyCounters();
    const [{ result, latencies }, lag] = await withLag(() => cannon(`http://127.0.0.1:${port}`, connections, request));
    const after = await haproxyCounters();
    const backend = port === PORTS.proxy ? "next_two" : "next_one";
    const perInstance = [...after]
      .filter(([key]) => key.startsWith(`${backend}/`) && !key.endsWith("/BACKEND"))
      .map(([key, c]) => `${key.split("/")[1]} ${int(c.ok - (before.get(key)?.ok ?? 0))}`)
      .join(" / ");
    phases.push({ name, result, latencies, lag, perInstance });
    await sleep(1000);
  };
  await run("log 1 entry — one instance", PORTS.proxyOne, 50, logRequest);
  await run("log 1 entry — two instances", PORTS.proxy, 50, logRequest);
  await run("dashboard roll-up — one instance", PORTS.proxyOne, 20, rollupRequest);
  await run("dashboard roll-up — two instances", PORTS.proxy, 20, rollupRequest);
  checkBudget("the measurements");

  // ── failover: a burst through the proxy, instance B killed with SIGKILL mid-burst, failures retried (same ids) ──
  console.info(`▸ Failover: ${int(failoverEntries)} entries through the proxy, SIGKILL to instance B mid-burst…`);
  // The goal's roll-up (goal to date: today included) as the owner's dashboard shows it, read on the replica.
  const goalInput = encodeURIComponent(JSON.stringify(superjson.serialize({ teamId, goalId, period: "goal" })));
  const rollupTotal = async () => {
    const res = await fetch(`http://127.0.0.1:${PORTS.proxy}/api/trpc/dashboard.rollup?input=${goalInput}`, {
      headers: { cookie: ownerCookie },
    });
    if (!res.ok) throw new Error(`dashboard.rollup: ${res.status}`);
    const body = (await res.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
    const data = superjson.deserialize<{ rootId: string; rows: { id: string; teamActual: number }[] }>(
      body.result.data,
    );
    return data.rows.find((r) => r.id === data.rootId)!.teamActual;
  };
  const totalBefore = await rollupTotal();
  const ids = Array.from({ length: failoverEntries }, () => randomUUID());
  const queue = [...ids];
  const stats = { requests: 0, failed: 0, duplicateAcks: 0, statuses: new Map<string, number>() };
  let killedAt = -1;
  const devices = 40;
  const burstStart = performance.now();
  const device = async (d: number) => {
    const cookie = cookies[d % cookies.length]!;
    for (;;) {
      const id = queue.shift();
      if (!id) return;
      // Retried until acknowledged, with the same id: the offline queue's rule.
      for (let attempt = 0; ; attempt++) {
        stats.requests++;
        try {
          const res = await fetch(`http://127.0.0.1:${PORTS.proxy}/api/trpc/entry.log`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie },
            body: logBody([id]),
            signal: AbortSignal.timeout(10_000),
          });
          const key = String(res.status);
          stats.statuses.set(key, (stats.statuses.get(key) ?? 0) + 1);
          if (res.ok) {
            const body = JSON.stringify(await res.json());
            if (body.includes('"duplicate"')) stats.duplicateAcks++;
            break;
          }
          if (res.status < 500) throw new Error(`refused (${res.status}): ${await res.text()}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith("refused")) throw error;
          stats.statuses.set("network error", (stats.statuses.get("network error") ?? 0) + 1);
        }
        stats.failed++;
        if (attempt > 200) throw new Error(`entry ${id} never acknowledged`);
        await sleep(50 + attempt * 50);
      }
    }
  };
  const killer = (async () => {
    while (queue.length > failoverEntries * 0.6) await sleep(20);
    killedAt = failoverEntries - queue.length;
    await killAndWait(instances.get("b"), "SIGKILL");
  })();
  await Promise.all([...Array.from({ length: devices }, (_, d) => device(d)), killer]);
  const burstSeconds = (performance.now() - burstStart) / 1000;

  const [stored] = await query<{ rows: string; distinct: string }>(
    primaryUrl,
    `SELECT count(*)::text AS rows, count(DISTINCT id)::text AS distinct FROM "Entry" WHERE id = ANY($1::text[])`,
    [ids],
  );
  const storedRows = Number(stored!.rows);
  const storedDistinct = Number(stored!.distinct);
  // The dashboard reads the replica: wait until it shows every entry of the burst.
  const convergeStart = performance.now();
  let totalAfter = await rollupTotal();
  while (totalAfter !== totalBefore + failoverEntries && performance.now() - convergeStart < 15_000) {
    await sleep(50);
    totalAfter = await rollupTotal();
  }
  const convergeMs = performance.now() - convergeStart;
  const [onReplica] = await query<{ n: string }>(
    at(PORTS.replica),
    `SELECT count(*)::text AS n FROM "Entry" WHERE id = ANY($1::text[])`,
    [ids],
  );
  const preparedErrors = ["next-a.log", "next-b.log", "pgbouncer/pgbouncer.log"].some((f) =>
    /prepared statement/i.test(readFileSync(path.join(work, f), "utf8")),
  );
  const bouncer = (
    await query<{ database: string; sv_active: number; sv_idle: number }>(
      at(PORTS.pgbouncer, "pgbouncer"),
      "SHOW POOLS",
    ).catch(() => [])
  ).find((row) => row.database === DB_NAME);

  // ── report ──────────────────────────────────────────────────────────────────────────────────────────────────
  const cpu = cpus();
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(
    `\nScale-out rehearsal — ${cpu.length} × ${cpu[0]?.model ?? "CPU"}, load ${load}, node ${process.version}, ` +
      `${members} members, ${duration} s a phase\n` +
      `  HAProxy (round robin, health check) → next start ×2 (BACKPLAN_WORKER=off, pool ${APP_POOL} each) → ` +
      `PgBouncer (transaction, ${BOUNCER_POOL} server connections) → PostgreSQL 15; dashboard reads → streaming replica\n`,
  );
  console.log(
    `  ${"phase".padEnd(36)} ${"req/s".padStart(8)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)} ${"errors".padStart(7)} ${"replica lag max".padStart(22)}  2xx by instance; errors by kind`,
  );
  for (const p of phases) {
    const s = summarize(p.latencies.length ? p.latencies : [0]);
    const errors = p.result.errors + p.result.non2xx;
    console.log(
      `  ${p.name.padEnd(36)} ${int(p.result.requests.average).padStart(8)} ${ms(p.result.latency.p50).padStart(8)} ` +
        `${ms(s.p95).padStart(8)} ${ms(p.result.latency.p99).padStart(8)} ${String(errors).padStart(7)} ` +
        `${`${ms(p.lag.maxReplayMs)} / ${int(p.lag.maxBytes / 1024)} KB`.padStart(22)}  ${p.perInstance}${errors ? `; ${errorKinds(p.result)}` : ""}`,
    );
  }
  const rate = (name: string) => phases.find((p) => p.name === name)!.result.requests.average;
  console.log(
    `\n  two instances ÷ one: logging ×${(rate("log 1 entry — two instances") / rate("log 1 entry — one instance")).toFixed(2)}, ` +
      `dashboard ×${(rate("dashboard roll-up — two instances") / rate("dashboard roll-up — one instance")).toFixed(2)} ` +
      `(2 cores shared by both instances, the proxy, PgBouncer, both PostgreSQL servers and the load generator)`,
  );
  console.log(
    `  targets (issue 21): log at 50 connections ≥ 75 % of the bare route; p95 ≤ 25 ms at 500 entries/s; ` +
      `dashboard first view ≤ 100 ms at 100k; 0 errors; nothing lost when an instance dies`,
  );
  console.log(
    `  PgBouncer transaction pooling: ${preparedErrors ? "PREPARED-STATEMENT ERRORS: see .data/scaleout/" : "no prepared-statement errors in the app or PgBouncer logs — the instances send unnamed statements only (DATABASE_PREPARED_STATEMENTS=off)"}${bouncer ? `; ${Number(bouncer.sv_active) + Number(bouncer.sv_idle)} server connections open at the end` : ""}`,
  );
  const statuses = [...stats.statuses.entries()].map(([k, v]) => `${k}: ${int(v)}`).join(", ");
  const lost = failoverEntries - storedDistinct;
  const doubled = storedRows - storedDistinct;
  console.log(
    [
      ``,
      `  failover: ${int(failoverEntries)} entries by ${devices} devices in ${burstSeconds.toFixed(1)} s; instance B killed (SIGKILL) after ${int(killedAt)}`,
      `    requests ${int(stats.requests)} (${statuses}); ${int(stats.failed)} failed and retried with the same ids; ${int(stats.duplicateAcks)} retries answered "duplicate" (stored before the crash)`,
      `    stored on the primary: ${int(storedDistinct)} distinct ids, ${int(storedRows)} rows — lost ${int(lost)}, doubled ${int(doubled)}`,
      `    on the replica: ${int(Number(onReplica!.n))} of them; the dashboard (replica) total ${int(totalBefore)} → ${int(totalAfter)} ` +
        `(+${int(totalAfter - totalBefore)}, expected +${int(failoverEntries)}), converged ${ms(convergeMs)} after the burst`,
    ].join("\n"),
  );
  const serverErrors = ["a", "b"]
    .map((n) => path.join(work, `next-${n}.log`))
    .filter((f) => /prepared statement|Error/.test(readFileSync(f, "utf8")));
  if (serverErrors.length) {
    for (const f of serverErrors)
      console.log(
        `\n  ${path.basename(f)} logged errors:\n${readFileSync(f, "utf8")
          .split("\n")
          .filter((l) => /rror|prepared/.test(l))
          .slice(0, 8)
          .join("\n")}`,
      );
  }
  const ok = lost === 0 && doubled === 0 && totalAfter === totalBefore + failoverEntries;
  console.log(
    ok
      ? "\n✔ every entry stored exactly once; the dashboard on the replica converged"
      : "\n✖ entries lost or doubled, or the dashboard did not converge",
  );
  return ok;
}

main()
  .then(async (ok) => {
    await tearDown();
    process.exit(ok ? 0 : 1);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await tearDown();
    process.exit(1);
  });
