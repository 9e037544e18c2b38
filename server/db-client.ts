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
import { statementName } from "./queries/prepared";
import { withReadReplica } from "./db-replica";

export type Db = PrismaClient;
/** A client or a transaction client: services accept either so they compose inside one transaction. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

export interface OpenDatabaseOptions {
  /** For PGlite: an already-open instance (tests load one from a migrated template). */
  pglite?: PGlite;
  log?: Prisma.LogLevel[];
  /** PostgreSQL connections (default 10; the app passes DATABASE_POOL_SIZE, env.ts). */
  poolSize?: number;
  /** PostgreSQL only: a streaming replica for replica-tolerant reads (DATABASE_REPLICA_URL; PGlite ignores it). */
  replicaUrl?: string;
  /**
   * PostgreSQL only: send the statements wrapped in `prepared` (server/queries/prepared.ts) as named statements
   * (default true; false behind a transaction-mode pooler that cannot carry them, DATABASE_PREPARED_STATEMENTS=off).
   */
  preparedStatements?: boolean;
}

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  /** PostgreSQL: the connection URL (the job engine, server/jobs/boss.ts, opens its own small pool on it). */
  url?: string;
  /** PGlite: the open instance (the job engine shares it; one connection per data folder). */
  pglite?: PGlite;
  /**
   * With a replica (PostgreSQL and `replicaUrl`): the client of replica-tolerant procedures, whose reads go to the
   * replica and writes to the primary (server/db-replica.ts). Absent: they read `db`.
   */
  readDb?: Db;
  /** Disconnects Prisma and closes PGlite (a PGlite left open keeps the process alive). */
  close(): Promise<void>;
}

export function openDatabase(url: string | undefined, options: OpenDatabaseOptions = {}): Database {
  const target = parseDatabaseUrl(url);
  if (target.kind === "postgres") {
    const pgOptions = options.preparedStatements === false ? {} : { statementNameGenerator: statementName };
    const adapter = new PrismaPg({ connectionString: target.url, max: options.poolSize ?? 10 }, pgOptions);
    const db = new PrismaClient({ adapter, log: options.log });
    const replicaUrl = options.replicaUrl ? parseDatabaseUrl(options.replicaUrl) : undefined;
    if (replicaUrl?.kind !== "postgres") {
      return { db, kind: "postgres", url: target.url, close: () => db.$disconnect() };
    }
    const replica = new PrismaClient({
      adapter: new PrismaPg({ connectionString: replicaUrl.url, max: options.poolSize ?? 10 }, pgOptions),
      log: options.log,
    });
    return {
      db,
      kind: "postgres",
      url: target.url,
      readDb: withReadReplica(db, replica),
      close: async () => {
        await Promise.all([db.$disconnect(), replica.$disconnect()]);
      },
    };
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
    pglite: client,
    close: async () => {
      await db.$disconnect();
      if (!client.closed) await client.close();
    },
  };
}
