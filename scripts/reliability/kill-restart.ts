/**
 * Logging survives server crashes, retries, double taps and duplicate offline replays — counted, not assumed.
 *
 * Devices of several members send entries through the real HTTP stack the way the phone's offline queue does:
 * every entry has an id made on the device; a batch is retried (same ids) until the server acknowledges it; some
 * batches are replayed again after success (a lost response, a second tab), and some taps are doubled inside a
 * batch. Meanwhile the server is killed with SIGKILL several times mid-burst and restarted. At the end the database
 * must hold every entry exactly once, and the daily totals must equal the sum of the entries.
 *
 *   npm run reliability:kill-restart -- [--devices 12] [--entries 60] [--kills 3]
 * Exits non-zero when anything is lost or duplicated.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { Prisma } from "@/generated/prisma/client";
import { addMember, makeFunnelMetrics, makeTeam, makeUser } from "@/tests/factories";
import { HttpError, scratchDatabase, sessionCookie, startApp, trpc } from "../lib/app-server";

const { values } = parseArgs({
  options: {
    devices: { type: "string", default: "12" },
    entries: { type: "string", default: "60" },
    kills: { type: "string", default: "3" },
    port: { type: "string", default: "3195" },
  },
});
const DEVICES = Number(values.devices);
const PER_DEVICE = Number(values.entries);
const KILLS = Number(values.kills);

interface Pending {
  id: string;
  metricId: string;
  amount: number;
}

async function main() {
  const scratch = await scratchDatabase("killrestart");
  const database = scratch.open();
  const { db } = database;
  const owner = await makeUser(db, { name: "Kim Owner" });
  const team = await makeTeam(db, { ownerId: owner.id, input: { name: "Crash Test", timeZone: "UTC" } });
  const metrics = await makeFunnelMetrics(db, { teamId: team.id });
  const members = await Promise.all(
    Array.from({ length: Math.max(1, Math.ceil(DEVICES / 2)) }, async (_, i) => {
      const m = await addMember(db, { teamId: team.id, parentId: team.membershipId, name: `Member ${i + 1}` });
      const user = await db.user.findUniqueOrThrow({
        where: { id: m.userId },
        select: { id: true, email: true, name: true },
      });
      return { membershipId: m.id, cookie: await sessionCookie(user) };
    }),
  );
  const app = await startApp({ databaseUrl: scratch.url, port: Number(values.port) });
  console.info(
    `▸ kill-restart on ${scratch.kind}: ${DEVICES} devices × ${PER_DEVICE} entries, ${KILLS} SIGKILLs mid-burst`,
  );

  const expected = new Map<string, Pending>();
  const stats = { requests: 0, failedRequests: 0, replays: 0, doubleTaps: 0, duplicatesAcknowledged: 0, restarts: 0 };
  let serverUp = true;

  const device = async (d: number) => {
    const member = members[d % members.length]!;
    const queue: Pending[] = Array.from({ length: PER_DEVICE }, (_, i) => ({
      id: randomUUID(),
      metricId: i % 3 === 0 ? metrics.presentations.id : metrics.contacts.id,
      amount: 1 + ((d + i) % 4),
    }));
    for (const p of queue) expected.set(p.id, p);
    const replayed = new Set<string>();
    while (queue.length > 0) {
      const batch = queue.slice(0, 1 + ((d + queue.length) % 5));
      const body = [...batch];
      if (queue.length % 7 === 0) {
        body.push(batch[0]!); // a double tap: the same entry twice in one request
        stats.doubleTaps++;
      }
      try {
        stats.requests++;
        const result = await trpc<{ results: { id: string; status: string }[] }>(app, member.cookie, "entry.log", {
          teamId: team.id,
          entries: body,
        });
        const bad = result.results.filter((r) => r.status !== "created" && r.status !== "duplicate");
        if (bad.length > 0) throw new Error(`server refused entries: ${JSON.stringify(bad)}`);
        stats.duplicatesAcknowledged += result.results.filter((r) => r.status === "duplicate").length;
        queue.splice(0, batch.length);
        if (queue.length % 5 === 0 && !replayed.has(batch[0]!.id)) {
          replayed.add(batch[0]!.id);
          // A lost response: the device never saw the answer and sends the same batch again later.
          queue.push(...batch);
          stats.replays++;
        }
      } catch (error) {
        if (error instanceof HttpError && error.status < 500) throw error;
        stats.failedRequests++;
        await new Promise((r) => setTimeout(r, serverUp ? 20 : 150));
      }
    }
  };

  const killer = async () => {
    for (let k = 0; k < KILLS; k++) {
      await new Promise((r) => setTimeout(r, 700 + k * 300));
      serverUp = false;
      await app.kill("SIGKILL");
      await new Promise((r) => setTimeout(r, 300));
      await app.restart();
      stats.restarts++;
      serverUp = true;
    }
  };

  const started = performance.now();
  await Promise.all([...Array.from({ length: DEVICES }, (_, d) => device(d)), killer()]);
  const seconds = (performance.now() - started) / 1000;
  await app.stop();

  const ids = [...expected.keys()];
  const stored = await db.entry.findMany({ where: { teamId: team.id }, select: { id: true, amount: true } });
  const storedIds = new Set(stored.map((s) => s.id));
  const missing = ids.filter((id) => !storedIds.has(id));
  const unexpected = stored.filter((s) => !expected.has(s.id));
  const wrongAmount = stored.filter((s) => expected.get(s.id) && expected.get(s.id)!.amount !== s.amount);
  const [totals] = await db.$queryRaw<{ total: bigint | null }[]>(
    Prisma.sql`SELECT SUM(total)::bigint AS total FROM "DailyTotal" WHERE "teamId" = ${team.id}`,
  );
  const expectedSum = [...expected.values()].reduce((s, p) => s + p.amount, 0);
  const totalSum = Number(totals?.total ?? 0);

  console.info(
    [
      `  entries made on devices ........ ${ids.length}`,
      `  stored in the database ......... ${stored.length} (missing ${missing.length}, unexpected ${unexpected.length}, wrong amount ${wrongAmount.length})`,
      `  daily totals ................... ${totalSum} (sum of entries ${expectedSum})`,
      `  requests ....................... ${stats.requests} (${stats.failedRequests} failed while the server was down, retried)`,
      `  server SIGKILLs + restarts ..... ${stats.restarts}`,
      `  replayed batches / double taps . ${stats.replays} / ${stats.doubleTaps} (${stats.duplicatesAcknowledged} duplicates acknowledged, not stored)`,
      `  duration ....................... ${seconds.toFixed(1)} s`,
    ].join("\n"),
  );
  await database.close();
  await scratch.drop();
  const ok =
    missing.length === 0 &&
    unexpected.length === 0 &&
    wrongAmount.length === 0 &&
    totalSum === expectedSum &&
    stored.length === ids.length;
  if (!ok) {
    console.error("✖ entries were lost or duplicated");
    process.exit(1);
  }
  console.info("✔ every entry stored exactly once across crashes, retries and replays");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
