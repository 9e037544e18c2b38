/**
 * A checksum of every row of every table (except migrations bookkeeping and rate-limit counters), to prove that a
 * refused or failed call changed nothing at all — not even an update of a column.
 */
import type { Db } from "@/server/db-client";

const cache = new WeakMap<Db, string>();

async function checksumSql(db: Db): Promise<string> {
  const known = cache.get(db);
  if (known) return known;
  const tables = await db.$queryRawUnsafe<{ t: string }[]>(
    `SELECT table_name AS t FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'RateLimit')
     ORDER BY table_name`,
  );
  const sql = `SELECT md5(concat(${tables
    .map(({ t }) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM "${t}" x)`)
    .join(", ")})) AS c`;
  cache.set(db, sql);
  return sql;
}

export async function databaseChecksum(db: Db): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ c: string }[]>(await checksumSql(db));
  return rows[0]!.c;
}
