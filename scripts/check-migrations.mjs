#!/usr/bin/env node
// End-to-end test of our Prisma schema-engine stand-in (prisma/engine/schema-engine.mjs), run by CI.
// A broken stand-in fails *silently* (migrate dev printed nothing and exited 0 with /bin/true), so
// every step below checks the CLI's words, the migration files and the database itself.
//
// On a fresh PGlite folder, and on fresh PostgreSQL databases when TEST_POSTGRES_URL (or a
// postgres TEST_DATABASE_URL) names a server, using a scratch project in a temp folder:
//   migrate dev (creates + applies) → migrate dev again (in sync, nothing new) → schema change →
//   migrate dev → hand-written SQL migration (semicolons in strings, DO block) → status up to date →
//   reset (empties and reapplies) → status on a fresh DB is NOT up to date → deploy to it →
//   status up to date → diff (from empty, from migrations via a shadow DB, from the live DB).
//
// Usage: node scripts/check-migrations.mjs
//        TEST_POSTGRES_URL=postgresql://postgres:postgres@127.0.0.1:5432/postgres node scripts/check-migrations.mjs
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { acquirePgliteLock } from "../prisma/engine/pglite-lock.mjs";
import { prismaCapture, ROOT } from "./lib/prisma-capture.mjs";

const SCHEMA_V1 = `
generator client {
  provider = "prisma-client"
  output   = "../generated/prisma"
}

datasource db {
  provider = "postgresql"
}

enum Role {
  LEADER
  MEMBER
}

model Team {
  id        String   @id @default(cuid())
  name      String   @unique
  createdAt DateTime @default(now())
  members   Member[]
}

model Member {
  id     Int    @id @default(autoincrement())
  teamId String
  team   Team   @relation(fields: [teamId], references: [id], onDelete: Cascade)
  role   Role   @default(MEMBER)
  email  String

  @@unique([teamId, email])
  @@index([teamId])
}
`;
const SCHEMA_V2 = SCHEMA_V1.replace("  email  String\n", "  email  String\n  note   String?\n");

const CUSTOM_SQL = `-- Hand-written: a semicolon inside a function body and a DO block (not splittable on ";").
CREATE FUNCTION backplan_check() RETURNS text LANGUAGE sql AS $$ SELECT 'a;b' $$;
DO $$ BEGIN PERFORM 1; END $$;
`;

const timings = [];
let failures = 0;

// ─── Databases under test ──────────────────────────────────────────────────────────────────────

function pgliteTarget(work) {
  return {
    name: "PGlite",
    async create(label) {
      const dataDir = path.join(work, "data", label, "pglite"); // parent folders missing on purpose
      return {
        url: `pglite:${dataDir}`,
        async query(sql) {
          const release = await acquirePgliteLock(dataDir, { timeoutMs: 10_000 }); // the engine must have let go
          const db = new PGlite(dataDir);
          try {
            return (await db.query(sql)).rows;
          } finally {
            await db.close();
            release();
          }
        },
        async drop() {},
        async leftovers() {
          const dirs = fs.readdirSync(path.dirname(dataDir));
          return dirs.filter((f) => f.endsWith(".lock")).map((f) => `lock file ${f}`);
        },
      };
    },
  };
}

function postgresTarget(serverUrl) {
  const runId = `${process.pid}_${randomBytes(3).toString("hex")}`;
  const urlFor = (database) => {
    const u = new URL(serverUrl);
    u.pathname = `/${database}`;
    return u.toString();
  };
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    name: "PostgreSQL",
    async create(label, { precreate = false } = {}) {
      const database = `backplan_check_${runId}_${label}`;
      if (precreate) await admin(`CREATE DATABASE "${database}"`);
      const url = urlFor(database);
      return {
        url,
        async query(sql) {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            return (await client.query(sql)).rows;
          } finally {
            await client.end();
          }
        },
        drop: () => admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
        async leftovers() {
          const rows = await admin(`SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`);
          return rows.map((r) => `shadow database ${r.datname}`);
        },
      };
    },
  };
}

// ─── The scenario ──────────────────────────────────────────────────────────────────────────────

async function checkTarget(target, work) {
  console.info(`\n━━ ${target.name} ━━`);
  const project = path.join(work, `project-${target.name.toLowerCase()}`);
  fs.mkdirSync(path.join(project, "prisma"), { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"), "dir");
  fs.writeFileSync(path.join(project, "prisma", "schema.prisma"), SCHEMA_V1);
  fs.writeFileSync(
    path.join(project, "prisma.config.ts"),
    `import { defineConfig } from "prisma/config";
process.env.PRISMA_SCHEMA_ENGINE_BINARY = ${JSON.stringify(path.join(ROOT, "prisma", "engine", "schema-engine.mjs"))};
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL! },
});
`,
  );
  const migrationsDir = path.join(project, "prisma", "migrations");
  const migrations = () =>
    fs.existsSync(migrationsDir)
      ? fs
          .readdirSync(migrationsDir)
          .filter((d) => /^\d{14}_/.test(d))
          .sort()
      : [];
  const migrationSql = (i) => fs.readFileSync(path.join(migrationsDir, migrations()[i], "migration.sql"), "utf8");

  const dev = await target.create("dev");
  const fresh = await target.create("fresh", { precreate: true });
  const prisma = async (db, title, args, expectations) => {
    const { code, output, seconds } = await prismaCapture(args, { cwd: project, env: { DATABASE_URL: db.url } });
    timings.push([target.name, title, `prisma ${args.join(" ")}`, seconds]);
    await step(
      `${title} (${seconds.toFixed(1)} s)`,
      async () => {
        if (output.includes("PRISMA_USER_CONSENT_FOR_DANGEROUS_AI_ACTION")) {
          throw new Error(
            "Prisma refused because it thinks an AI agent runs it: run this check from a normal shell or CI.",
          );
        }
        await expectations({ code, output });
      },
      output,
    );
  };

  try {
    await prisma(
      dev,
      "migrate dev creates and applies the first migration",
      ["migrate", "dev", "--name", "init"],
      async ({ code, output }) => {
        expect(code === 0, `exit code ${code}`);
        expect(/have been created and applied/.test(output), "no 'created and applied' message");
        expect(migrations().length === 1, `expected 1 migration folder, found ${migrations().length}`);
        expect(/CREATE TABLE "Team"/.test(migrationSql(0)), 'migration.sql lacks CREATE TABLE "Team"');
        expect(fs.existsSync(path.join(migrationsDir, "migration_lock.toml")), "no migration_lock.toml");
        expect((await appliedCount(dev)) === 1, "the database does not record 1 applied migration");
        await dev.query(`SELECT id, "teamId", role, email FROM "Member"`);
      },
    );

    await prisma(
      dev,
      "migrate dev again finds nothing to do",
      ["migrate", "dev", "--name", "noop"],
      async ({ code, output }) => {
        expect(code === 0, `exit code ${code}`);
        expect(/Already in sync/.test(output), "no 'Already in sync' message");
        expect(migrations().length === 1, `a second migration appeared: ${migrations().join(", ")}`);
      },
    );

    fs.writeFileSync(path.join(project, "prisma", "schema.prisma"), SCHEMA_V2);
    await prisma(
      dev,
      "migrate dev after a schema change",
      ["migrate", "dev", "--name", "add_note"],
      async ({ code, output }) => {
        expect(code === 0, `exit code ${code}`);
        expect(/have been created and applied/.test(output), "no 'created and applied' message");
        expect(migrations().length === 2, `expected 2 migration folders, found ${migrations().length}`);
        expect(
          /ALTER TABLE "Member" ADD COLUMN\s+"note" TEXT/.test(migrationSql(1)),
          "second migration lacks the new column",
        );
        await dev.query(`SELECT note FROM "Member"`);
      },
    );

    await prisma(
      dev,
      "migrate dev --create-only writes an empty migration",
      ["migrate", "dev", "--create-only", "--name", "custom_sql"],
      async ({ code }) => {
        expect(code === 0, `exit code ${code}`);
        expect(migrations().length === 3, `expected 3 migration folders, found ${migrations().length}`);
        fs.writeFileSync(path.join(migrationsDir, migrations()[2], "migration.sql"), CUSTOM_SQL);
      },
    );

    await prisma(
      dev,
      "migrate dev applies the hand-written SQL migration",
      ["migrate", "dev"],
      async ({ code, output }) => {
        expect(code === 0, `exit code ${code}`);
        expect(/custom_sql/.test(output), "the custom migration is not reported as applied");
        expect(migrations().length === 3, `expected 3 migration folders, found ${migrations().length}`);
        const [row] = await dev.query("SELECT backplan_check() AS v");
        expect(row?.v === "a;b", `backplan_check() returned ${JSON.stringify(row)}`);
      },
    );

    await prisma(dev, "migrate status says up to date", ["migrate", "status"], async ({ code, output }) => {
      expectUpToDate(code, output, 3);
    });

    await dev.query(`INSERT INTO "Team" (id, name) VALUES ('t1', 'Check')`);
    await prisma(
      dev,
      "migrate reset empties and reapplies",
      ["migrate", "reset", "--force"],
      async ({ code, output }) => {
        expect(code === 0, `exit code ${code}`);
        expect(/Database reset successful/.test(output), "no 'Database reset successful' message");
        const [teams] = await dev.query(`SELECT count(*)::int AS n FROM "Team"`);
        expect(teams.n === 0, `the Team table still has ${teams.n} row(s) after reset`);
        expect((await appliedCount(dev)) === 3, "the database does not record 3 applied migrations after reset");
        await dev.query(`SELECT note FROM "Member"`);
      },
    );

    await prisma(
      fresh,
      "migrate status on a fresh database is NOT up to date",
      ["migrate", "status"],
      async ({ code, output }) => {
        expect(code !== 0, "exit code 0 for a database without migrations");
        expect(!/Database schema is up to date!/.test(output), "claims up to date on an empty database");
        expect(/have not yet been applied/.test(output), "does not list the unapplied migrations");
      },
    );

    await prisma(fresh, "migrate deploy to a fresh database", ["migrate", "deploy"], async ({ code, output }) => {
      expect(code === 0, `exit code ${code}`);
      expect(/3 migrations found/.test(output), "does not report 3 migrations found");
      expect(/have been applied|successfully applied/.test(output), "does not report migrations applied");
      expect((await appliedCount(fresh)) === 3, "the database does not record 3 applied migrations");
      const [row] = await fresh.query("SELECT backplan_check() AS v");
      expect(row?.v === "a;b", "the hand-written migration did not run");
    });

    await prisma(
      fresh,
      "migrate status after deploy says up to date",
      ["migrate", "status"],
      async ({ code, output }) => {
        expectUpToDate(code, output, 3);
      },
    );

    await prisma(
      dev,
      "migrate diff from empty prints SQL",
      ["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script"],
      async ({ code, output }) => {
        expect(code === 0, `exit code ${code}`);
        expect(
          /CREATE TABLE "Team"/.test(output) && /CREATE TABLE "Member"/.test(output),
          "no CREATE TABLE statements printed",
        );
      },
    );

    await prisma(
      dev,
      "migrate diff from migrations (shadow database) is empty",
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--script"],
      async ({ code, output }) => {
        expect(code === 0, `exit code ${code}`);
        expect(/This is an empty migration/.test(output), "the migrations do not reproduce the schema");
      },
    );

    await prisma(
      dev,
      "migrate diff from the live database --exit-code",
      ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      async ({ code, output }) => {
        expect(code === 0, `exit code ${code} (2 means the live database differs from the schema)`);
        expect(/No difference detected|empty migration/i.test(output), "no 'no difference' message");
      },
    );

    await step("no leftovers (locks, shadow databases)", async () => {
      const left = [...(await dev.leftovers())];
      expect(left.length === 0, `left behind: ${left.join(", ")}`);
    });
  } finally {
    await dev.drop().catch(() => {});
    await fresh.drop().catch(() => {});
  }
}

async function appliedCount(db) {
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return row.n;
}

function expectUpToDate(code, output, count) {
  expect(code === 0, `exit code ${code}`);
  expect(new RegExp(`${count} migrations found`).test(output), `does not report ${count} migrations found`);
  expect(/Database schema is up to date!/.test(output), "does not say 'Database schema is up to date!'");
}

// ─── Tiny test harness ─────────────────────────────────────────────────────────────────────────

function expect(ok, message) {
  if (!ok) throw new Error(message);
}

async function step(title, fn, output = "") {
  try {
    await fn();
    console.info(`  ✔ ${title}`);
  } catch (error) {
    failures++;
    console.error(`  ✖ ${title}\n    ${error.message}`);
    if (output) console.error(output.replace(/^/gm, "    │ "));
    error.reported = true;
    throw error; // later steps depend on this one
  }
}

// ─── Main ──────────────────────────────────────────────────────────────────────────────────────

const serverUrl =
  process.env.TEST_POSTGRES_URL ||
  (process.env.TEST_DATABASE_URL?.startsWith("postgres") ? process.env.TEST_DATABASE_URL : "");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "backplan-check-migrations-"));
const targets = [pgliteTarget(work), ...(serverUrl ? [postgresTarget(serverUrl)] : [])];
if (!serverUrl) console.info("TEST_POSTGRES_URL is not set: checking PGlite only.");

const started = performance.now();
for (const target of targets) {
  try {
    await checkTarget(target, work);
  } catch (error) {
    if (!error.reported) {
      failures++;
      console.error(`  ✖ ${error.stack}`);
    }
    // go on with the next database
  }
}
fs.rmSync(work, { recursive: true, force: true });

console.info("\nTimings (s):");
for (const [db, , command, seconds] of timings)
  console.info(`  ${db.padEnd(10)} ${seconds.toFixed(1).padStart(5)}  ${command}`);
const total = Math.round((performance.now() - started) / 1000);
if (failures > 0) {
  console.error(`\n✖ Migration tooling check failed (${failures} failure(s), ${total} s).`);
  process.exit(1);
}
console.info(`\n✔ Migration tooling works on ${targets.map((t) => t.name).join(" and ")} (${total} s).`);
