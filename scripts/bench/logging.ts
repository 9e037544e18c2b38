/**
 * Logging under load, through the real HTTP stack: `next start` (production build), the next-auth JWT session,
 * Prisma and PostgreSQL, driven by autocannon on loopback — by BOTH write paths side by side: the tRPC procedure
 * `entry.log` (/api/trpc/entry.log, superjson) and the Log's own route (POST /api/log, plain JSON; app/api/log). Every request carries fresh device-made entry
 * ids, so every entry is really written; the rows written are counted afterwards and must match. Prints figures;
 * asserts nothing about time.
 *
 *   npm run bench:logging -- [--duration 10] [--members 1000] [--port 3104] [--database postgresql://…/backplan_bench]
 *                            [--paths trpc,route] [--profile]
 *
 * --paths   which write paths to measure (default both); --profile writes a CPU profile of the server
 *           (node --cpu-prof) to .data/bench-profile/ when it stops.
 *
 * Phases (each bounded by --duration seconds, after a short warm-up), for each write path:
 *   (a) saturation, one entry a request, 50 and 200 connections (a connection = a signed-in member);
 *   (b) a steady 500 requests/s offered (autocannon overallRate), one entry a request;
 *   (c) an offline-queue flush: 50 entries a request;
 *   and the ceilings: a bare route handler on the same server (app/api/bench/ping, in a BACKPLAN_BENCH=1 build only) and raw
 *   single-row inserts into "Entry" with pgbench (scripts/bench/pgbench-insert.sql).
 * The database is dropped and re-created (migrations + a seeded team of --members) at every run.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpus } from "node:os";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "../../server/db-client";
import { ensureAuthSecret } from "../lib/auth-secret.mjs";
import { buildIfStale } from "../lib/build.mjs";
import { seedScale } from "../seed-scale";
import { projectRoot as root, recreateDatabase, redact, sessionCookie, startServer } from "./lib/bench-server";
import { hasFlag, int, ms, numberFlag, stringFlag, summarize } from "./lib/stats";

const duration = numberFlag("duration", 10);
const members = numberFlag("members", 1000);
const port = numberFlag("port", 3104);
const sessions = 200;
const PATHS = ["trpc", "route"] as const;
type WritePath = (typeof PATHS)[number];
const paths = (stringFlag("paths") ?? PATHS.join(",")).split(",") as WritePath[];
if (paths.length === 0 || paths.some((p) => !PATHS.includes(p))) throw new Error("--paths takes trpc, route or both");
const profile = hasFlag("profile");
/** The issue's targets (issue 21). */
const TARGETS = { shareOfBare: 0.75, p95At500: 25, flushEntriesPerSecond: 15_000 };
const url =
  stringFlag("database") ??
  process.env.BENCH_DATABASE_URL ??
  "postgresql://postgres:postgres@127.0.0.1:5432/backplan_bench";

interface Phase {
  name: string;
  result: autocannon.Result;
  latencies: number[];
  entriesPerRequest: number;
  written?: number;
  /** CPU seconds used during the phase by the server process and by this process (the load generator). */
  serverCpu: number;
  generatorCpu: number;
  /** CPU seconds used during the phase by PostgreSQL's processes on this machine (NaN when it is not local). */
  databaseCpu: number;
  seconds: number;
}

/**
 * CPU seconds (user + system) of every PostgreSQL process of this machine, from /proc: where the rest of a log
 * request's cost goes when the database is local. Backends that have exited count through their parent, the
 * postmaster (cutime + cstime of reaped children), so the sum only grows; NaN when no PostgreSQL process is visible.
 */
function postgresCpuSeconds(): number {
  let ticks = Number.NaN;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    if (!stat.includes(" (postgres) ")) continue;
    const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
    // utime, stime, cutime, cstime (fields 14–17 of proc(5)), in clock ticks (USER_HZ = 100)
    const own = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    ticks = (Number.isNaN(ticks) ? 0 : ticks) + own;
  }
  return ticks / 100;
}

function cannon(
  base: string,
  options: {
    connections: number;
    seconds: number;
    overallRate?: number;
    request: autocannon.Request;
  },
): Promise<{ result: autocannon.Result; latencies: number[] }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: base,
        connections: options.connections,
        duration: options.seconds,
        overallRate: options.overallRate,
        timeout: 10,
        requests: [options.request],
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies })),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/** What the errors were: timeouts (no answer within 10 s), other socket errors, non-2xx answers. */
function errorKinds(result: autocannon.Result): string {
  const kinds = [
    result.timeouts ? `${result.timeouts} timeouts` : "",
    result.errors - result.timeouts > 0 ? `${result.errors - result.timeouts} socket errors` : "",
    result.non2xx ? `${result.non2xx} non-2xx` : "",
  ].filter(Boolean);
  return kinds.length ? ` (${kinds.join(", ")})` : "";
}

async function main() {
  const secret = ensureAuthSecret(root);
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) console.info("No production build yet.");
  await buildIfStale(root, { bench: true });

  console.info(`Re-creating ${redact(url)} and seeding a team of ${members} members…`);
  await recreateDatabase(url);
  const database = openDatabase(url);
  const seeded = await seedScale(database.db, { members, days: 30, entries: false });
  const teamId = seeded.teamId;
  const metricId = seeded.metricIds.contacts!;
  const users = await database.db.membership.findMany({
    where: { teamId, role: "MEMBER" },
    select: { user: { select: { id: true, email: true, name: true } } },
    take: sessions,
    orderBy: { id: "asc" },
  });
  const cookies = await Promise.all(users.map(({ user }) => sessionCookie(secret, user)));

  const entryCount = async () =>
    Number((await database.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Entry"`))[0]!.n);
  /** A log request of `entries` fresh entries, through tRPC (superjson's `{ json }`) or the Log's route (plain JSON). */
  const logBody = (via: WritePath, entries: number) => {
    const input = {
      teamId,
      entries: Array.from({ length: entries }, () => ({ id: randomUUID(), metricId, amount: 1 })),
    };
    return JSON.stringify(via === "trpc" ? { json: input } : input);
  };
  const logPath = (via: WritePath) => (via === "trpc" ? "/api/trpc/entry.log" : "/api/log");
  const logRequest = (via: WritePath, entries: number): autocannon.Request => {
    let next = 0;
    return {
      method: "POST",
      path: logPath(via),
      // Members take turns (autocannon resets its per-connection context between requests).
      setupRequest: (request) => {
        const cookie = cookies[next++ % cookies.length]!;
        return { ...request, headers: { "content-type": "application/json", cookie }, body: logBody(via, entries) };
      },
    };
  };
  const bareRequest: autocannon.Request = {
    method: "POST",
    path: "/api/bench/ping",
    setupRequest: (request) => ({
      ...request,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { teamId, entries: [{ id: randomUUID(), metricId, amount: 1 }] } }),
    }),
  };

  console.info(`Starting next start on port ${port} (BACKPLAN_BENCH=1)…`);
  const profileDir = path.join(root, ".data", "bench-profile");
  const server = await startServer({
    url,
    secret,
    port,
    name: "logging",
    nodeArgs: profile ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : undefined,
  });
  const { base } = server;
  const phases: Phase[] = [];
  try {
    // A signed-in request answers before any load: a wrong cookie or team would make every request an error.
    for (const via of paths) {
      const probe = await fetch(`${base}${logPath(via)}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookies[0]! },
        body: logBody(via, 1),
      });
      if (!probe.ok)
        throw new Error(`A ${via} log request failed before the load (${probe.status}): ${await probe.text()}`);
    }

    console.info("Warming up (3 s a path)…");
    for (const via of paths) await cannon(base, { connections: 20, seconds: 3, request: logRequest(via, 1) });
    await cannon(base, { connections: 20, seconds: 2, request: bareRequest });

    const run = async (
      name: string,
      entriesPerRequest: number,
      options: { connections: number; overallRate?: number; request: autocannon.Request },
    ) => {
      console.info(`  ${name}…`);
      const before = entriesPerRequest > 0 ? await entryCount() : 0;
      const serverBefore = server.cpuSeconds();
      const databaseBefore = postgresCpuSeconds();
      const generatorBefore = process.cpuUsage();
      const started = performance.now();
      const { result, latencies } = await cannon(base, {
        connections: options.connections,
        seconds: duration,
        overallRate: options.overallRate,
        request: options.request,
      });
      const generator = process.cpuUsage(generatorBefore);
      const phase: Phase = {
        name,
        result,
        latencies,
        entriesPerRequest,
        serverCpu: server.cpuSeconds() - serverBefore,
        databaseCpu: postgresCpuSeconds() - databaseBefore,
        generatorCpu: (generator.user + generator.system) / 1e6,
        seconds: (performance.now() - started) / 1000,
      };
      // Requests still in flight when the phase ends are finished by the server: wait until the count settles (so
      // they neither go uncounted nor slow the next phase down).
      let last = -1;
      for (let i = 0; i < 40; i++) {
        const now = entriesPerRequest > 0 ? await entryCount() : 0;
        if (now === last) break;
        last = now;
        await new Promise((r) => setTimeout(r, 500));
      }
      if (entriesPerRequest > 0) phase.written = last - before;
      phases.push(phase);
    };
    const settle = () => new Promise((r) => setTimeout(r, 2000));
    await run("bare route handler, 50 connections", 0, { connections: 50, request: bareRequest });
    await settle();
    await run("bare route handler, 200 connections", 0, { connections: 200, request: bareRequest });
    await settle();
    // Path by path, phase by phase (tRPC, then the route), so each pair runs minutes apart at most.
    const label = (via: WritePath) => (via === "trpc" ? "tRPC entry.log" : "POST /api/log");
    const phasesOf: [string, number, { connections: number; overallRate?: number }][] = [
      ["1 entry, 50 connections", 1, { connections: 50 }],
      ["1 entry, 200 connections", 1, { connections: 200 }],
      ["1 entry, 500 req/s offered", 1, { connections: 50, overallRate: 500 }],
      ["flush, 50 entries/request", 50, { connections: 50 }],
    ];
    for (const [name, entries, options] of phasesOf) {
      for (const via of paths) {
        await run(`${label(via)}: ${name}`, entries, { ...options, request: logRequest(via, entries) });
        await settle();
      }
    }
  } finally {
    await server.stop();
  }

  // The ceiling of the database: single-row inserts into the same table, from pgbench.
  console.info("  pgbench single-row inserts, 50 clients…");
  const pgUrl = new URL(url);
  const pgbench = spawnSync(
    existsSync("/usr/bin/pgbench") ? "/usr/bin/pgbench" : "pgbench",
    [
      "-h",
      pgUrl.hostname,
      "-p",
      pgUrl.port || "5432",
      "-U",
      decodeURIComponent(pgUrl.username),
      "-n",
      "-M",
      "prepared",
      "-c",
      "50",
      "-j",
      "2",
      "-T",
      String(duration),
      "-D",
      `prefix=s${members}`,
      "-D",
      `members=${members}`,
      "-f",
      path.join(root, "scripts/bench/pgbench-insert.sql"),
      pgUrl.pathname.slice(1),
    ],
    { env: { ...process.env, PGPASSWORD: decodeURIComponent(pgUrl.password) }, encoding: "utf8" },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(pgbench.stdout)?.[1];
  const pgLatency = /latency average = ([\d.]+) ms/.exec(pgbench.stdout)?.[1];
  const pgFailed =
    /number of failed transactions: (\d+)/.exec(pgbench.stdout)?.[1] ?? (pgbench.status === 0 ? "0" : "?");
  if (!tps) console.warn(`pgbench did not report a rate:\n${pgbench.stdout}\n${pgbench.stderr}`);
  await database.close();

  const cpu = cpus();
  console.log(
    `\nLogging benchmark — ${cpu.length} × ${cpu[0]?.model ?? "CPU"}, ${duration} s a phase, node ${process.version}, ${members} members, ${cookies.length} sessions\n`,
  );
  console.log(
    `  ${"phase".padEnd(46)} ${"req/s".padStart(8)} ${"entries/s".padStart(10)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)} ${"CPU/req".padStart(8)} ${"db CPU/req".padStart(10)} ${"cores".padStart(14)}  errors`,
  );
  const bare = phases.find((p) => p.name.startsWith("bare route handler, 50"))!.result.requests.average;
  for (const p of phases) {
    const s = summarize(p.latencies.length ? p.latencies : [0]);
    const rps = p.result.requests.average;
    const errors = p.result.errors + p.result.non2xx; // autocannon counts timeouts among `errors`
    const expected = p.result["2xx"] * p.entriesPerRequest;
    // Every answered entry must be stored; a few more may be stored from requests still in flight at the end.
    const written =
      p.written === undefined
        ? ""
        : p.written < expected
          ? `  LOST: ${int(expected - p.written)} answered entries not stored`
          : `  (${int(p.written)} rows stored: ${int(expected)} answered + ${int(p.written - expected)} in flight at the end)`;
    console.log(
      `  ${p.name.padEnd(46)} ${int(rps).padStart(8)} ${(p.entriesPerRequest ? int(rps * p.entriesPerRequest) : "—").padStart(10)} ` +
        `${ms(p.result.latency.p50).padStart(8)} ${ms(s.p95).padStart(8)} ${ms(p.result.latency.p99).padStart(8)} ` +
        `${ms((p.serverCpu * 1000) / Math.max(1, p.result["2xx"])).padStart(8)} ${(Number.isFinite(p.databaseCpu) ? ms((p.databaseCpu * 1000) / Math.max(1, p.result["2xx"])) : "?").padStart(10)} ` +
        `${`${(p.serverCpu / p.seconds).toFixed(2)}/${(p.databaseCpu / p.seconds).toFixed(2)}/${(p.generatorCpu / p.seconds).toFixed(2)}`.padStart(14)}  ${errors}${errorKinds(p.result)}${written}`,
    );
  }
  console.log(
    `  ${'pgbench INSERT INTO "Entry", 50 clients'.padEnd(46)} ${(tps ? int(Number(tps)) : "?").padStart(8)} ${(tps ? int(Number(tps)) : "?").padStart(10)} ${(pgLatency ? `${pgLatency} ms avg` : "").padStart(17)}            ${pgFailed}`,
  );
  // Server CPU per answered request: what each request costs the server, much less sensitive than req/s to
  // whatever else the machine's cores are doing during the run.
  const phase = (name: string) => phases.find((x) => x.name === name);
  const cpuPerRequest = (p: Phase) => p.serverCpu / Math.max(1, p.result["2xx"]);
  const bareCpu = cpuPerRequest(phase("bare route handler, 50 connections")!);
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const mark = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`\n  Against the issue's targets (issue 21), side by side:\n`);
  console.log(
    `  ${"figure".padEnd(52)} ${"target".padStart(16)} ${"tRPC entry.log".padStart(22)} ${"POST /api/log".padStart(22)}`,
  );
  const row = (figure: string, target: string, value: (via: WritePath) => string) =>
    console.log(
      `  ${figure.padEnd(52)} ${target.padStart(16)} ${PATHS.map((via) => (paths.includes(via) ? value(via) : "—").padStart(22)).join(" ")}`,
    );
  const of = (via: WritePath, name: string) =>
    phase(`${via === "trpc" ? "tRPC entry.log" : "POST /api/log"}: ${name}`)!;
  row("1 entry at 50 connections, req/s vs the bare route", `≥ ${pct(TARGETS.shareOfBare)}`, (via) => {
    const share = of(via, "1 entry, 50 connections").result.requests.average / bare;
    return `${pct(share)} ${mark(share >= TARGETS.shareOfBare)}`;
  });
  row("  the same by server CPU a request (bare ÷ path)", "(read-out)", (via) =>
    pct(bareCpu / cpuPerRequest(of(via, "1 entry, 50 connections"))),
  );
  row("1 entry at 200 connections, req/s vs the bare route", "(read-out)", (via) =>
    pct(of(via, "1 entry, 200 connections").result.requests.average / bare),
  );
  row("p95 at 500 req/s offered", `≤ ${TARGETS.p95At500} ms`, (via) => {
    const p = of(via, "1 entry, 500 req/s offered");
    const p95 = summarize(p.latencies.length ? p.latencies : [0]).p95;
    return `${ms(p95)} ${mark(p95 <= TARGETS.p95At500)}`;
  });
  row("  req/s served at 500 req/s offered", "500", (via) =>
    int(of(via, "1 entry, 500 req/s offered").result.requests.average),
  );
  row("offline flush, entries/s (50 a request)", `≥ ${int(TARGETS.flushEntriesPerSecond)}`, (via) => {
    const rate = of(via, "flush, 50 entries/request").result.requests.average * 50;
    return `${int(rate)} ${mark(rate >= TARGETS.flushEntriesPerSecond)}`;
  });
  row("errors on logging (all phases)", "0", (via) =>
    String(
      phases
        .filter((p) => p.name.startsWith(via === "trpc" ? "tRPC" : "POST"))
        .reduce((n, p) => n + p.result.errors + p.result.non2xx, 0),
    ),
  );
  console.log(
    `\n  CPU/req = server CPU per answered request; db CPU/req = PostgreSQL's (every postgres process of this machine)\n` +
      `  cores = CPU used during the phase by the server / PostgreSQL / the load generator (autocannon, in this process)`,
  );
  if (profile) console.log(`  CPU profile of the server: ${path.relative(root, profileDir)}/`);
  if (/Error|error/.test(readFileSync(server.log, "utf8")))
    console.log(`  the server logged errors: see ${path.relative(root, server.log)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
