// PostgreSQL (pg + @prisma/adapter-pg) behind Prisma's driver-adapter interface, for the schema
// engine, plus the server-level commands the CLI runs one-shot (can-connect/create/drop database).
// Works around (see docs/MIGRATIONS.md and shared TOOLCHAIN.md, "Prisma (the hard one)"):
//  - bug 5: adapter-pg rejects the catalog type "char" (oid 18) that the engine's introspection
//    reads ("Column type 'char' could not be deserialized"): such columns are reported as text;
//  - bug 6: adapter-pg's own shadow database, given a connection string, *is the real database*
//    (pg lets the URL's database win over `database`), and it drops it before closing its pool:
//    we create `prisma_migrate_shadow_db_<uuid>` ourselves and drop it WITH (FORCE) afterwards;
//  - adapter-pg's executeScript splits scripts on every ";" (breaks on DO blocks, functions,
//    string literals): scripts are sent whole with the simple query protocol instead.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

const TEXT_OID = 25;
const CHAR_OID = 18; // the one-byte catalog type "char" (e.g. pg_class.relkind)

/**
 * @param {{ url: string }} target
 * @param {{ shadowDatabaseUrl?: string }} [datasource] from prisma.config.ts
 */
export function openPostgres(target, datasource = {}) {
  const shadows = new Set(); // names of shadow databases we created and must drop

  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg (backplan stand-in)",
    async connect() {
      return patchAdapter(await adapterFor(target.url).connect());
    },
    async connectToShadowDb() {
      if (datasource.shadowDatabaseUrl) {
        // A shadow database the user provides is wiped first, as the native engine does.
        await resetSchemas(datasource.shadowDatabaseUrl, [urlSchema(datasource.shadowDatabaseUrl)]);
        return patchAdapter(await adapterFor(datasource.shadowDatabaseUrl).connect());
      }
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await withClient(target.url, (c) => c.query(`CREATE DATABASE "${name}"`));
      shadows.add(name);
      const adapter = patchAdapter(await adapterFor(withDatabase(target.url, name)).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose(); // closes the pool first, then the database can go
        await dropShadow(name);
      };
      return adapter;
    },
  };

  const dropShadow = async (name) => {
    shadows.delete(name);
    await withClient(target.url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  };

  return {
    factory,
    /** Run SQL (several statements allowed) on the main database. */
    exec: (sql) => withClient(target.url, (c) => c.query(sql)),
    /** The schema named by ?schema= in the URL, default public. */
    defaultSchema: urlSchema(target.url),
    async close() {
      for (const name of [...shadows]) await dropShadow(name).catch(() => {});
    },
  };
}

/**
 * An adapter-pg factory for the URL. `?schema=x` (Prisma's URL parameter, ignored by pg) becomes
 * the connections' search_path, as the native engine does, and the schema is created if missing.
 */
function adapterFor(url) {
  const schema = new URL(url).searchParams.get("schema");
  if (!schema) return new PrismaPg({ connectionString: url });
  const factory = new PrismaPg({ connectionString: url, options: `-c search_path="${schema}"` }, { schema });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    await withClient(url, (c) => c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`));
    return connect();
  };
  return factory;
}

function patchAdapter(adapter) {
  const pool = adapter.underlyingDriver();
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script); // no parameters: simple query protocol, many statements allowed
    } catch (error) {
      adapter.onError(error); // throws the adapter's DriverAdapterError
    }
  };
  mapCharToText(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => mapCharToText(await startTransaction(...args));
  return adapter;
}

function mapCharToText(queryable) {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
  return queryable;
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function urlSchema(url) {
  return new URL(url).searchParams.get("schema") ?? "public";
}

/** Drop and recreate the given schemas (what `migrate reset` means on Postgres). */
export async function resetSchemas(url, schemas) {
  const sql = schemas.map((s) => `DROP SCHEMA IF EXISTS "${s}" CASCADE; CREATE SCHEMA "${s}";`).join("\n");
  await withClient(url, (c) => c.query(sql));
}

// ─── One-shot server commands (`schema-engine cli <command>`) ────────────────────────────────

/** Throws a PrismaError-like { errorCode, message } when the database is unreachable/missing. */
export async function canConnect(url) {
  await withClient(url, (c) => c.query("SELECT 1")).catch((e) => {
    throw toPrismaError(e, url);
  });
}

export async function createDatabase(url) {
  const name = databaseName(url);
  await withClient(maintenanceUrl(url), (c) => c.query(`CREATE DATABASE "${name}"`)).catch((e) => {
    throw toPrismaError(e, url);
  });
  return name;
}

export async function dropDatabase(url) {
  const name = databaseName(url);
  await withClient(maintenanceUrl(url), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch((e) => {
    throw toPrismaError(e, url);
  });
  return name;
}

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
}

function maintenanceUrl(url) {
  return withDatabase(url, databaseName(url) === "postgres" ? "template1" : "postgres");
}

/** Map a pg/network error to the P1xxx codes the Prisma CLI understands. */
function toPrismaError(error, url) {
  const u = new URL(url);
  const at = `${u.hostname}:${u.port || 5432}`;
  const db = databaseName(url);
  const user = decodeURIComponent(u.username);
  const byCode = {
    "3D000": ["P1003", `Database \`${db}\` does not exist on the database server at \`${at}\`.`],
    "28P01": [
      "P1000",
      `Authentication failed against database server at \`${at}\`, the provided database credentials for \`${user}\` are not valid.`,
    ],
    28000: ["P1010", `User \`${user}\` was denied access on the database \`${db}\``],
    42501: ["P1010", `User \`${user}\` was denied access on the database \`${db}\``],
    "42P04": ["P1009", `Database \`${db}\` already exists on the database server at \`${at}\``],
    ECONNREFUSED: ["P1001", `Can't reach database server at \`${at}\``],
    ENOTFOUND: ["P1001", `Can't reach database server at \`${at}\``],
    ETIMEDOUT: ["P1002", `The database server at \`${at}\` was reached but timed out.`],
  };
  const [errorCode, message] = byCode[error.code] ?? ["P1001", `${error.message} (database server at \`${at}\`)`];
  return { errorCode, message };
}
