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

/** The names of `aggregateNames`, exactly `count` of them (an error naming `what` otherwise). */
export function splitNames(text: string | null, count: number, what: string): string[] {
  const names = count === 0 ? [] : (text ?? "").split(NAME_SEPARATOR);
  if (names.length !== count) throw new Error(`${what}: ${names.length} names for ${count} members`);
  return names;
}
