/**
 * The typed boundary around hand-written SQL. Every raw query in the product lives in a per-domain module under
 * `server/queries/` and returns its rows through one decoder, so a renamed or retyped column fails loudly (a round-trip
 * test runs each query on a real database) instead of flowing on as `undefined`.
 *
 * Two kinds of decoder, one interface:
 * - `zodRows(name, schema)`  every column named and typed by a zod schema: the default;
 * - `mappedRows(name, fn)`   a hand-written mapper using the strict readers below, for hot paths that return tens of
 *                            thousands of rows (the roll-up, the logging path), where it is several times cheaper.
 */
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";

export type Row = Record<string, unknown>;

export interface RowDecoder<T> {
  readonly name: string;
  decode(rows: readonly unknown[]): T[];
}

/** A query's rows did not have the shape its module declares: a schema drift, never the user's fault. */
export class RowShapeError extends Error {
  constructor(query: string, detail: string) {
    super(`Query "${query}" returned a row of the wrong shape: ${detail}`);
    this.name = "RowShapeError";
  }
}

export function zodRows<S extends z.ZodType>(name: string, schema: S): RowDecoder<z.output<S>> {
  const rows = z.array(schema);
  return {
    name,
    decode(input) {
      const parsed = rows.safeParse(input);
      if (!parsed.success) throw new RowShapeError(name, z.prettifyError(parsed.error));
      return parsed.data;
    },
  };
}

export function mappedRows<T>(name: string, map: (row: Row) => T): RowDecoder<T> {
  return {
    name,
    decode(input) {
      try {
        return input.map((row) => {
          if (row === null || typeof row !== "object") throw new Error("not an object");
          return map(row as Row);
        });
      } catch (error) {
        if (error instanceof RowShapeError) throw error;
        throw new RowShapeError(name, error instanceof Error ? error.message : String(error));
      }
    },
  };
}

/** Strict column readers for `mappedRows`: a missing or mistyped column throws with its name. */
export const col = {
  string(row: Row, key: string): string {
    const v = row[key];
    if (typeof v !== "string") throw new Error(`column "${key}" is ${describe(v)}, expected text`);
    return v;
  },
  stringOrNull(row: Row, key: string): string | null {
    const v = row[key];
    if (v === null) return null;
    return col.string(row, key);
  },
  /** An integer column; BIGINT (count, sum) arrives as bigint or a numeric string and is narrowed safely. */
  int(row: Row, key: string): number {
    const v = row[key];
    const n = typeof v === "bigint" ? Number(v) : typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== "number" || !Number.isSafeInteger(n))
      throw new Error(`column "${key}" is ${describe(v)}, expected an integer`);
    return n;
  },
  intOrNull(row: Row, key: string): number | null {
    return row[key] === null ? null : col.int(row, key);
  },
  number(row: Row, key: string): number {
    const v = row[key];
    const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
    if (typeof n !== "number" || !Number.isFinite(n))
      throw new Error(`column "${key}" is ${describe(v)}, expected a number`);
    return n;
  },
  boolean(row: Row, key: string): boolean {
    const v = row[key];
    if (typeof v !== "boolean") throw new Error(`column "${key}" is ${describe(v)}, expected a boolean`);
    return v;
  },
  /** A bytea column (the driver gives a Buffer, a Uint8Array). */
  bytes(row: Row, key: string): Uint8Array {
    const v = row[key];
    if (!(v instanceof Uint8Array)) throw new Error(`column "${key}" is ${describe(v)}, expected bytes`);
    return v;
  },
  date(row: Row, key: string): Date {
    const v = row[key];
    if (!(v instanceof Date) || Number.isNaN(v.getTime()))
      throw new Error(`column "${key}" is ${describe(v)}, expected a date`);
    return v;
  },
  dateOrNull(row: Row, key: string): Date | null {
    return row[key] === null ? null : col.date(row, key);
  },
};

function describe(v: unknown): string {
  if (v === undefined) return "missing";
  if (v === null) return "null";
  if (v instanceof Date) return "a date";
  return `a ${typeof v} (${JSON.stringify(typeof v === "bigint" ? String(v) : v)?.slice(0, 40)})`;
}

/** Runs a query and decodes its rows. */
export async function queryRows<T>(db: DbClient, decoder: RowDecoder<T>, sql: Prisma.Sql): Promise<T[]> {
  return decoder.decode(await db.$queryRaw<unknown[]>(sql));
}

/** The first row, or null when there is none. */
export async function queryFirst<T>(db: DbClient, decoder: RowDecoder<T>, sql: Prisma.Sql): Promise<T | null> {
  return (await queryRows(db, decoder, sql))[0] ?? null;
}

/** A statement that returns no rows; resolves to the number of rows it touched. */
export function execute(db: DbClient, sql: Prisma.Sql): Promise<number> {
  return db.$executeRaw(sql);
}

/** Common zod column types (PostgreSQL through Prisma's raw query: BIGINT as bigint, DATE as Date). */
export const zcol = {
  /** COUNT/SUM (bigint) or an int column, as a safe integer. */
  int: z.union([z.number().int(), z.bigint(), z.string().regex(/^-?\d+$/)]).transform((v, ctx) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n)) {
      ctx.addIssue({ code: "custom", message: `${String(v)} is not a safe integer` });
      return z.NEVER;
    }
    return n;
  }),
  date: z.date(),
};
