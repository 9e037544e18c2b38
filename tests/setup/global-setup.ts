/**
 * Runs once before the integration suite: builds a migrated template database with the project's real
 * migrations (`prisma migrate deploy` through our schema-engine stand-in), which every test file copies.
 *
 * - Default: PGlite. The migrated data folder is dumped to a tarball; each test file loads it in memory.
 * - TEST_DATABASE_URL=postgresql://…/anything: a template database on that server; each test file gets
 *   `CREATE DATABASE … TEMPLATE …`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { adminUrl, TEMPLATE_DB } from "./postgres-admin";

declare module "vitest" {
  export interface ProvidedContext {
    testDb: { kind: "pglite"; dumpPath: string } | { kind: "postgres"; serverUrl: string; template: string };
  }
}

function migrateDeploy(databaseUrl: string) {
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl?.startsWith("postgres")) {
    const admin = new pg.Client({ connectionString: adminUrl(serverUrl) });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    migrateDeploy(adminUrl(serverUrl, TEMPLATE_DB));
    project.provide("testDb", { kind: "postgres", serverUrl, template: TEMPLATE_DB });
    return async () => {
      const drop = new pg.Client({ connectionString: adminUrl(serverUrl) });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await drop.end();
    };
  }

  const work = mkdtempSync(path.join(tmpdir(), "backplan-test-template-"));
  const dataDir = path.join(work, "pglite");
  migrateDeploy(`pglite:${dataDir}`);
  const pglite = new PGlite(dataDir);
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const dumpPath = path.join(work, "template.tar");
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("testDb", { kind: "pglite", dumpPath });
  return () => rmSync(work, { recursive: true, force: true });
}
