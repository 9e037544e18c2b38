/**
 * Names of many members in ONE text (the big reads: a goal's context, the roll-up): joined by a record separator a
 * name never holds (no control characters: server/schemas/common.ts). A stray separator in the database reads as a
 * space, so the names always split into exactly one per member.
 */
import { Prisma } from "@/generated/prisma/client";

export const NAME_SEPARATOR = "\x1e";

/** The aggregate of a name column, one text (rows in the feed's order, like every other aggregate of the feed). */
export const aggregateNames = (name: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`string_agg(translate(${name}, ${NAME_SEPARATOR}, ' '), ${NAME_SEPARATOR})`;

/**
 * One aggregated column of a feed (`string_agg(…, separator)`), split into exactly `count` values — one a member — or
 * an error naming `what` (the read) and the column: the columns of a feed always line up, so a count that differs is
 * a broken read, never data to show.
 */
export function splitColumn(
  text: string | null,
  separator: string,
  count: number,
  what: { read: string; column: string },
): string[] {
  const values = count === 0 ? [] : (text ?? "").split(separator);
  if (values.length !== count) throw new Error(`${what.read}: ${values.length} ${what.column} for ${count} members`);
  return values;
}

/** The names of `aggregateNames`, exactly `count` of them (an error naming `what` otherwise). */
export function splitNames(text: string | null, count: number, what: string): string[] {
  return splitColumn(text, NAME_SEPARATOR, count, { read: what, column: "names" });
}
