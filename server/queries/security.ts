/**
 * SQL of rate limiting: one atomic upsert per check on the shared `RateLimit` counters (fixed windows). Round trip
 * tested in security.integration.test.ts.
 */
import { Prisma } from "@/generated/prisma/client";
import { z } from "zod";
import type { DbClient } from "@/server/db-client";
import { execute, queryFirst, zcol, zodRows } from "./decode";

const ZRateLimitRow = z.object({ count: zcol.int, windowStart: zcol.date });
export type RateLimitRow = z.output<typeof ZRateLimitRow>;
const rateLimitRows = zodRows("security.hitRateLimit", ZRateLimitRow);

/**
 * Counts one request for `key` at `now`: increments its counter, or restarts it at 1 when its window began at or
 * before `windowStartMin`. Returns the counter and the start of its window.
 */
export async function countRateLimitHit(
  db: DbClient,
  args: { key: string; now: Date; windowStartMin: Date },
): Promise<RateLimitRow> {
  const { key, now, windowStartMin } = args;
  const row = await queryFirst(
    db,
    rateLimitRows,
    Prisma.sql`
    INSERT INTO "RateLimit" ("key", "count", "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartMin} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartMin} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`,
  );
  if (!row) throw new Error("rate limit upsert returned no row");
  return row;
}

/** Takes back one request of `key`'s counter, if its window is still the one that started at `windowStart`. */
export async function refundRateLimitHit(db: DbClient, args: { key: string; windowStart: Date }): Promise<void> {
  await execute(
    db,
    Prisma.sql`
    UPDATE "RateLimit" SET "count" = "count" - 1
     WHERE "key" = ${args.key} AND "windowStart" = ${args.windowStart} AND "count" > 0`,
  );
}
