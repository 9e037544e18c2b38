/**
 * The names list at scale (issue 18): a member with 5,000 people; times `person.list` through the real router
 * (procedure, policy, one SQL read per page) — the first page, a deep page, searches by name, email, phone digits
 * and tag, and the stage and tag filters. Prints median / p95 (target: ≤ 100 ms server time); asserts nothing.
 *
 *   npm run bench:names -- [--people 5000] [--runs 30] [--database postgresql://…/backplan_bench_names]
 *
 * Without --database it runs on PGlite (a migrated temporary data folder), as the tests do.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "../../server/db-client";
import { callerFor } from "../../tests/caller";
import { makeFunnelMetrics, makeTestTree } from "../../tests/factories";
import { recreateDatabase, redact } from "./lib/bench-server";
import { int, ms, numberFlag, stringFlag, timeAsync } from "./lib/stats";

const peopleCount = numberFlag("people", 5000);
const runs = numberFlag("runs", 30);
const url = stringFlag("database");

const FIRST = ["Ana", "Bruno", "Carla", "Dmitri", "Eve", "Farah", "Gil", "Hana", "Ivo", "Jun", "Kemal", "Lena", "Mo"];
const LAST = ["Lima", "Costa", "Novak", "Okafor", "Smith", "Tanaka", "Weber", "Yilmaz", "Zhou", "Haddad", "Berg"];
const TAGS = ["gym", "school", "work", "church", "neighbour", "instagram", "family"];

async function main() {
  let work: string | null = null;
  let dbUrl: string;
  if (url) {
    await recreateDatabase(url);
    dbUrl = url;
  } else {
    work = mkdtempSync(path.join(tmpdir(), "backplan-bench-names-"));
    dbUrl = `pglite:${path.join(work, "pglite")}`;
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: dbUrl },
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  const database = openDatabase(dbUrl);
  const db = database.db;
  try {
    const tree = await makeTestTree(db);
    const metrics = await makeFunnelMetrics(db, { teamId: tree.team.id });
    const stages = [null, metrics.contacts.id, metrics.presentations.id, metrics.sponsors.id];
    const membershipId = tree.memberA1.id;
    const rows = Array.from({ length: peopleCount }, (_, i) => {
      const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;
      return {
        id: randomUUID(),
        teamId: tree.team.id,
        membershipId,
        name,
        email: i % 3 === 0 ? `person${i}@example.test` : null,
        phone: i % 2 === 0 ? `+44 20 ${String(1000 + (i % 9000))} ${String(i).padStart(4, "0")}` : null,
        handle: i % 5 === 0 ? `@p_${i}` : null,
        tags: [TAGS[i % TAGS.length]!, ...(i % 4 === 0 ? [TAGS[(i + 3) % TAGS.length]!] : [])],
        stageMetricId: stages[i % stages.length],
        outcome: i % 50 === 0 ? ("LOST" as const) : null,
      };
    });
    for (let i = 0; i < rows.length; i += 1000) await db.person.createMany({ data: rows.slice(i, i + 1000) });
    // Other members' lists, so the member's rows are found among others.
    await db.person.createMany({
      data: Array.from({ length: peopleCount }, (_, i) => ({
        id: randomUUID(),
        teamId: tree.team.id,
        membershipId: tree.memberB1.id,
        name: `Other ${i}`,
      })),
    });
    await db.$executeRawUnsafe(`ANALYZE "Person"`);

    const user = await db.membership.findUniqueOrThrow({
      where: { id: membershipId },
      select: { user: { select: { id: true, email: true, name: true } } },
    });
    const caller = callerFor(db, user.user);
    const teamId = tree.team.id;
    let deepCursor: string | null = null;
    for (let page = 0; page < 40; page++) {
      const result: { nextCursor: string | null } = await caller.person.list({ teamId, cursor: deepCursor });
      deepCursor = result.nextCursor;
    }
    const cases: [string, Parameters<typeof caller.person.list>[0]][] = [
      ["first page (50)", { teamId }],
      ["page 41 (cursor)", { teamId, cursor: deepCursor }],
      ["search name 'ana'", { teamId, search: "ana" }],
      ["search email 'person12'", { teamId, search: "person12" }],
      ["search phone digits '2045'", { teamId, search: "2045" }],
      ["search no match", { teamId, search: "zzzzzz" }],
      ["filter stage", { teamId, stage: metrics.presentations.id }],
      ["filter tag", { teamId, tag: "church" }],
      ["stage + tag + search", { teamId, stage: metrics.contacts.id, tag: "gym", search: "a" }],
    ];
    console.log(`names list: ${int(peopleCount)} people, ${runs} runs, ${url ? redact(url) : "PGlite"}`);
    for (const [label, input] of cases) {
      const summary = await timeAsync(runs, () => caller.person.list(input));
      console.log(`  ${label.padEnd(30)} median ${ms(summary.median).padStart(9)}  p95 ${ms(summary.p95).padStart(9)}`);
    }
  } finally {
    await database.close();
    if (work) rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
