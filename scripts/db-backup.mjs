#!/usr/bin/env node
// Backup and restore for both databases (see docs/OPERATIONS.md). DATABASE_URL picks the database.
//
//   npm run db:backup  -- <file>            PostgreSQL: pg_dump custom format. PGlite: a gzip tarball of the
//                                          data folder (stop the app first: PGlite has one connection per folder).
//   npm run db:restore -- <file> [--force]  PostgreSQL: pg_restore --clean into DATABASE_URL. PGlite: recreates the
//                                          data folder from the tarball (refuses to overwrite one without --force).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { parseDatabaseUrl } from "../prisma/engine/database-url.mjs";
import { run } from "./lib/run.mjs";

export async function backup(databaseUrl, file) {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "postgres") {
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, target.url]);
    return;
  }
  if (!existsSync(target.dataDir)) throw new Error(`No PGlite data folder at ${target.dataDir}.`);
  const pglite = new PGlite(target.dataDir);
  try {
    const dump = await pglite.dumpDataDir("gzip");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

export async function restore(databaseUrl, file, { force = false } = {}) {
  if (!existsSync(file)) throw new Error(`No backup file at ${file}.`);
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "postgres") {
    await run("pg_restore", [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      `--dbname=${target.url}`,
      file,
    ]);
    return;
  }
  if (existsSync(target.dataDir) && readdirSync(target.dataDir).length > 0) {
    if (!force) throw new Error(`${target.dataDir} is not empty: pass --force to replace it.`);
    rmSync(target.dataDir, { recursive: true, force: true });
  }
  const pglite = new PGlite(target.dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
  await pglite.waitReady;
  await pglite.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, file, ...rest] = process.argv.slice(2);
  try {
    if (!file || (command !== "backup" && command !== "restore")) {
      throw new Error("Usage: db-backup.mjs backup|restore <file> [--force]");
    }
    const url = process.env.DATABASE_URL;
    if (command === "backup") await backup(url, file);
    else await restore(url, file, { force: rest.includes("--force") });
    console.info(`✔ ${command} ${command === "backup" ? "to" : "from"} ${file} (${parseDatabaseUrl(url).kind})`);
  } catch (error) {
    console.error(`✖ ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
