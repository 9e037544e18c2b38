/**
 * A fresh, migrated database for one test file, copied from the template the global setup built.
 * Never mocked: tests run the real SQL on PGlite, or on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "@/server/db-client";
import { settleKeptViews } from "@/server/services/progress/branch-view-store";
import { adminUrl } from "./postgres-admin";

export async function createTestDatabase(): Promise<Database> {
  const config = inject("testDb");
  if (config.kind === "pglite") {
    const pglite = new PGlite({ loadDataDir: new Blob([readFileSync(config.dumpPath)]) });
    await pglite.waitReady;
    const database = openDatabase("pglite:memory", { pglite });
    // What the file's calls started behind their answers (a big goal's dashboard read ahead, kept views) ends first.
    return { ...database, close: () => settleKeptViews().then(() => database.close()) };
  }
  const name = `backplan_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl(config.serverUrl) });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${config.template}`);
  } finally {
    await admin.end();
  }
  const database = openDatabase(adminUrl(config.serverUrl, name), { poolSize: 5 });
  return {
    ...database,
    async close() {
      await settleKeptViews();
      await database.close();
      const drop = new pg.Client({ connectionString: adminUrl(config.serverUrl) });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
