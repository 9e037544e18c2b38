/** SQL about one member: whether the database knows a time zone (reminders work out local times in SQL). */
import { Prisma } from "@/generated/prisma/client";
import { z } from "zod";
import type { DbClient } from "@/server/db-client";
import { queryFirst, RowShapeError, zodRows } from "./decode";

const okRows = zodRows("member.timeZoneKnown", z.object({ ok: z.boolean() }));

/** True when PostgreSQL can convert a time to `timeZone`; false when it does not know the zone. */
export async function isTimeZoneKnownToDb(db: DbClient, timeZone: string): Promise<boolean> {
  try {
    const row = await queryFirst(db, okRows, Prisma.sql`SELECT (now() AT TIME ZONE ${timeZone}) IS NOT NULL AS ok`);
    return row?.ok === true;
  } catch (error) {
    // An unknown zone is a database error ("time zone … not recognized"); a wrong row shape is not "unknown".
    if (error instanceof RowShapeError) throw error;
    return false;
  }
}
