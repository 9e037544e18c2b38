/**
 * Prepared statements for the hottest SQL (docs/PERFORMANCE.md, "Round seven"). PostgreSQL parses and plans every
 * statement it receives unnamed; for the logging statement with the Log context, planning cost three times what
 * running it did (5.6–6.9 ms a one-entry tap against 1.7 ms once planned). A statement wrapped in `prepared(sql)` is
 * sent named, its name a hash of its text, so each connection parses and plans it once and then reuses the plan
 * (PostgreSQL's plan cache: custom plans for the first five runs, then the generic plan when it is as cheap).
 *
 * - **Opt-in, per statement.** A connection keeps every named statement for its life (no eviction, in `pg` and in the
 *   server), so only statements with a small, fixed set of texts are wrapped: the values travel as parameters, and
 *   each variant of the text (with or without the Log context, with or without taps) is one statement. Past
 *   `MAX_NAMES` distinct texts in a process, further texts go unnamed (a guard against a wrapped statement whose text
 *   varies with its input).
 * - **Migrations:** PostgreSQL re-plans a prepared statement when a table it reads changes; only a migration that
 *   changes the type of a column one of them returns fails it ("cached plan must not change result type") on the
 *   instances still running the old code, until they are replaced — deploy such a change as a new column.
 * - **Off with `DATABASE_PREPARED_STATEMENTS=off`** (env.ts): behind a pooler in transaction mode that cannot carry
 *   named statements from one server connection to the next (PgBouncer before 1.21, as in `npm run bench:scaleout`).
 *   PGlite ignores the names.
 */
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";

const MARK = "/* prepared */ ";
/** The most distinct prepared texts one process names. */
export const MAX_NAMES = 64;

const names = new Map<string, string>();

/** `sql`, sent as a named (prepared) statement where the database client names them (`statementName`). */
export function prepared(sql: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(MARK)}${sql}`;
}

/**
 * The name of a statement's text for `@prisma/adapter-pg`'s `statementNameGenerator`: a hash of the text for
 * statements wrapped by `prepared`, "" (unnamed) for every other statement.
 */
export function statementName(query: { sql: string }): string {
  if (!query.sql.startsWith(MARK)) return "";
  const known = names.get(query.sql);
  if (known !== undefined) return known;
  if (names.size >= MAX_NAMES) return "";
  const name = `bp_${createHash("sha1").update(query.sql).digest("hex").slice(0, 24)}`;
  names.set(query.sql, name);
  return name;
}
