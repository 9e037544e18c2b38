/**
 * Opens a PrismaClient for a database URL. Used by the app (server/db.ts), tests, seeds and scripts.
 * Not `server-only` so that plain Node scripts can import it.
 *
 * - `postgresql://…`  → @prisma/adapter-pg over a pg pool (production).
 * - `pglite:<folder>` or unset → embedded PGlite in a data folder (demo, tests). One connection per folder.
 */
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { mkdirSync } from "node:fs";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { parseDatabaseUrl } from "@/prisma/engine/database-url.mjs";

export type Db = PrismaClient;
/** A client or a transaction client: services accept either so they compose inside one transaction. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

export interface OpenDatabaseOptions {
  /** For PGlite: an already-open instance (tests load one from a migrated template). */
  pglite?: PGlite;
  log?: Prisma.LogLevel[];
  /** PostgreSQL connections (default 10; the app passes DATABASE_POOL_SIZE, env.ts). */
  poolSize?: number;
}

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  /** Disconnects Prisma and closes PGlite (a PGlite left open keeps the process alive). */
  close(): Promise<void>;
}

export function openDatabase(url: string | undefined, options: OpenDatabaseOptions = {}): Database {
  const target = parseDatabaseUrl(url);
  if (target.kind === "postgres") {
    const adapter = new PrismaPg({
      connectionString: target.url,
      max: options.poolSize ?? 10,
    });
    const db = new PrismaClient({ adapter, log: options.log });
    return { db, kind: "postgres", close: () => db.$disconnect() };
  }
  let pglite = options.pglite;
  if (!pglite) {
    mkdirSync(target.dataDir, { recursive: true });
    pglite = new PGlite(target.dataDir);
  }
  const client = pglite;
  const db = new PrismaClient({ adapter: new PrismaPGlite(client), log: options.log });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.$disconnect();
      if (!client.closed) await client.close();
    },
  };
}
