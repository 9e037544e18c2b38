/**
 * A bounded soak: steady logging and dashboard reads through the real HTTP stack for a fixed time, with the
 * server's memory sampled throughout. Passes when there were zero errors and memory stayed flat: the live heap
 * after a full garbage collection (asked of the server through /api/diagnostics/memory, in the benchmark build only: BACKPLAN_BENCH=1)
 * is at the end within the tolerance of what it was once warmed up. Resident size is printed beside it.
 *
 *   npm run reliability:soak -- [--minutes 10] [--rate 100] [--members 200]
 * `--rate` is requests per second offered (three log requests for every dashboard read). Prints the figures.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { addMember, makeFunnelMetrics, makeGoal, makeTeam, makeUser } from "@/tests/factories";
import { scratchDatabase, sessionCookie, startApp } from "../lib/app-server";
import * as clock from "@/server/clock";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    rate: { type: "string", default: "100" },
    members: { type: "string", default: "200" },
    port: { type: "string", default: "3196" },
    tolerance: { type: "string", default: "0.25" },
  },
});
const SECONDS = Math.round(Number(values.minutes) * 60);
const RATE = Number(values.rate);
const MEMBERS = Number(values.members);
const TOLERANCE = Number(values.tolerance);

/** Resident set size of a process and its children (next start may fork its server), in MB. */
function rssMb(pid: number): number {
  const one = (p: number) => {
    try {
      const line = readFileSync(`/proc/${p}/status`, "utf8")
        .split("\n")
        .find((l) => l.startsWith("VmRSS:"));
      return line ? Number(line.replace(/\D+/g, "")) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  let total = one(pid);
  try {
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) {
      total += rssMb(Number(child));
    }
  } catch {
    // no children file
  }
  return total;
}

async function main() {
  const scratch = await scratchDatabase("soak");
  const database = scratch.open();
  const { db } = database;
  const owner = await makeUser(db, { name: "Sam Owner" });
  const team = await makeTeam(db, { ownerId: owner.id, input: { name: "Soak Team", timeZone: "UTC" } });
  const metrics = await makeFunnelMetrics(db, { teamId: team.id });
  const members: { userId: string }[] = [];
  let parent = team.membershipId;
  for (let i = 0; i < MEMBERS; i++) {
    const m = await addMember(db, {
      teamId: team.id,
      parentId: i % 10 === 0 ? team.membershipId : parent,
      name: `Soak ${i}`,
    });
    members.push(m);
    if (i % 3 === 0) parent = m.id;
  }
  const today = clock.todayIn("UTC");
  const goal = await makeGoal(db, {
    teamId: team.id,
    rootMembershipId: team.membershipId,
    metricId: metrics.contacts.id,
    target: 1_000_000,
    startDate: `${today.slice(0, 8)}01`,
    deadline: `${Number(today.slice(0, 4)) + 1}-01-31`,
  });
  const users = await db.user.findMany({
    where: { id: { in: [owner.id, ...members.map((m) => m.userId)] } },
    select: { id: true, email: true, name: true },
  });
  const cookies = await Promise.all(users.map((u) => sessionCookie(u)));
  const ownerCookie = await sessionCookie(users.find((u) => u.id === owner.id)!);

  const app = await startApp({
    databaseUrl: scratch.url,
    port: Number(values.port),
    env: { NODE_OPTIONS: "--expose-gc" },
    // The benchmark build: it holds the diagnostics route.
    bench: true,
  });
  const liveHeapMb = async () => {
    const res = await fetch(`${app.baseUrl}/api/diagnostics/memory`);
    const body = (await res.json()) as { heapUsed: number; collected: boolean };
    if (!body.collected) throw new Error("the server was not started with --expose-gc");
    return body.heapUsed / 1024 / 1024;
  };
  const pid = app.pid()!;
  console.info(
    `▸ soak on ${scratch.kind}: ${SECONDS} s at ${RATE} req/s (3 logs : 1 dashboard read), ${MEMBERS} members`,
  );

  const rollupInput = encodeURIComponent(
    JSON.stringify({ json: { teamId: team.id, goalId: goal.id, period: "week" } }),
  );
  const samples: { t: number; rss: number; heap: number }[] = [];
  const sample = async () => samples.push({ t: performance.now(), rss: rssMb(pid), heap: await liveHeapMb() });
  const sampler = setInterval(() => void sample().catch(() => undefined), 10_000);
  let n = 0;
  const started = performance.now();
  const run = (options: autocannon.Options) =>
    new Promise<autocannon.Result>((resolve, reject) =>
      autocannon(options, (error, result) => (error ? reject(error) : resolve(result))),
    );
  const result = await run({
    url: app.baseUrl,
    connections: 20,
    overallRate: RATE,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req) => {
          n++;
          if (n % 4 === 0) {
            const headers: Record<string, string> = { cookie: ownerCookie };
            return {
              ...req,
              method: "GET",
              path: `/api/trpc/dashboard.rollup?input=${rollupInput}`,
              headers,
              body: undefined,
            };
          }
          const body = {
            json: {
              teamId: team.id,
              entries: [{ id: randomUUID(), metricId: metrics.contacts.id, amount: 1 + (n % 3) }],
            },
          };
          return {
            ...req,
            method: "POST",
            path: "/api/trpc/entry.log",
            headers: { "content-type": "application/json", cookie: cookies[n % cookies.length]! },
            body: JSON.stringify(body),
          };
        },
      },
    ],
  });
  clearInterval(sampler);
  await sample();
  await app.stop();

  const stored = await db.entry.count({ where: { teamId: team.id } });
  await database.close();
  await scratch.drop();

  const warm = samples.filter((s) => s.t - started >= Math.min(60_000, (SECONDS * 1000) / 4));
  const first = warm[0] ?? samples[0]!;
  const last = samples.at(-1)!;
  const peak = Math.max(...samples.map((s) => s.rss));
  // A leak grows the live heap; allow the tolerance plus 8 MB for caches that fill once (compiled routes, pools).
  const growth = (last.heap - first.heap - 8) / first.heap;
  const errors = result.errors + result.non2xx + result.timeouts;
  console.info(
    [
      `  requests ....... ${result.requests.total} (${(result.requests.total / SECONDS).toFixed(0)}/s), entries stored ${stored}`,
      `  latency ms ..... p50 ${result.latency.p50}, p97.5 ${result.latency.p97_5}, p99 ${result.latency.p99}, max ${result.latency.max}`,
      `  errors ......... ${errors} (errors ${result.errors}, non-2xx ${result.non2xx}, timeouts ${result.timeouts})`,
      `  live heap MB ... warm ${first.heap.toFixed(1)}, end ${last.heap.toFixed(1)} (after full GC; ${samples.length} samples)`,
      `  server RSS MB .. warm ${first.rss.toFixed(0)}, end ${last.rss.toFixed(0)}, peak ${peak.toFixed(0)}`,
    ].join("\n"),
  );
  if (errors > 0 || growth > TOLERANCE) {
    console.error(
      `✖ soak failed: ${errors} errors, live heap growth ${(Math.max(0, growth) * 100).toFixed(1)}% beyond 8 MB (tolerance ${TOLERANCE * 100}%)`,
    );
    process.exit(1);
  }
  console.info("✔ zero errors, memory flat");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
