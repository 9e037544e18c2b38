/**
 * The app's Prisma client, chosen from DATABASE_URL (see server/db-client.ts).
 * Opened on first use (not at import, so `next build` never touches the database) and kept on
 * globalThis, one per process, so dev hot reloads do not open the PGlite folder twice.
 */
import "server-only";
import { env } from "@/env";
import { openDatabase, type Database, type Db } from "./db-client";

const globalForDb = globalThis as unknown as { backplanDatabase?: Database };

/** The app's database (client, kind, and the URL or PGlite instance the job engine shares). */
export function database(): Database {
  globalForDb.backplanDatabase ??= openDatabase(env.DATABASE_URL, {
    poolSize: env.DATABASE_POOL_SIZE,
    replicaUrl: env.DATABASE_REPLICA_URL,
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS === "on",
  });
  return globalForDb.backplanDatabase;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = database().db;
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/**
 * The client of replica-tolerant procedures (`replicaReads`, server/api/trpc.ts): reads on the streaming replica when
 * DATABASE_REPLICA_URL is set (PostgreSQL), else the same client as `db`.
 */
export const readDb: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = database().readDb ?? database().db;
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

export type { Db, DbClient } from "./db-client";
