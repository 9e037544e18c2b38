/**
 * "Now" for hand-written SQL: the clock's instant (server/clock.ts) as a `timestamp(3)` in UTC, the way Prisma stores
 * DateTime columns. Statements use it instead of the database's `now()`, so stamps a person sees (an entry's time,
 * a change's time) follow the one clock, pinned clocks included.
 */
import { Prisma } from "@/generated/prisma/client";
import { now } from "@/server/clock";

export function sqlNow(): Prisma.Sql {
  return Prisma.sql`(${now().toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}
