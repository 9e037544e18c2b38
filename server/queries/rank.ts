/**
 * The rank's hand-written read: a member's whole subtree with each member's volume and sponsors by month and over a
 * recent window — one recursive CTE, whatever the subtree size (no query per member).
 */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { toDbDay } from "@/server/domain/db-day";
import { queryRows, zcol, zodRows } from "./decode";

const ZSubtreeRow = z.object({
  id: z.string(),
  /** Node rows (bucket null): the upline, null for the subtree's root. Null on amount rows. */
  parentId: z.string().nullable(),
  /** Node rows: the member's name. Null on amount rows. */
  name: z.string().nullable(),
  /** Null: the member's node row; "YYYY-MM": their totals in that month; "window": over the window. */
  bucket: z.string().nullable(),
  volume: zcol.int,
  sponsors: zcol.int,
});
export type SubtreeRow = z.output<typeof ZSubtreeRow>;

const subtreeRows = zodRows("rank.subtreeVolumes", ZSubtreeRow);

/**
 * The active subtree of `rootId` (one node row each) and, for every member, their own totals of the volume and
 * sponsors metrics per calendar month over [monthsFrom, monthsTo] and over [windowFrom, windowTo].
 */
export function rankSubtreeVolumes(
  db: DbClient,
  args: {
    teamId: string;
    rootId: string;
    volumeId: string;
    sponsorsId: string;
    monthsFrom: IsoDate;
    monthsTo: IsoDate;
    windowFrom: IsoDate;
    windowTo: IsoDate;
  },
): Promise<SubtreeRow[]> {
  const { teamId, volumeId, sponsorsId } = args;
  const from = toDbDay(args.monthsFrom < args.windowFrom ? args.monthsFrom : args.windowFrom);
  const to = toDbDay(args.monthsTo > args.windowTo ? args.monthsTo : args.windowTo);
  return queryRows(
    db,
    subtreeRows,
    Prisma.sql`
    WITH RECURSIVE down AS (
      SELECT id, NULL::text AS "parentId", 0 AS depth
        FROM "Membership" WHERE id = ${args.rootId} AND "teamId" = ${teamId} AND status = 'ACTIVE'
      UNION ALL
      SELECT m.id, m."parentId", down.depth + 1
        FROM "Membership" m JOIN down ON m."parentId" = down.id
       WHERE m."teamId" = ${teamId} AND m.status = 'ACTIVE' AND down.depth < 10000
    ),
    totals AS (
      SELECT dt."membershipId", dt."metricId", dt.day, dt.total
        FROM "DailyTotal" dt JOIN down ON down.id = dt."membershipId"
       WHERE dt."teamId" = ${teamId} AND dt."metricId" IN (${volumeId}, ${sponsorsId}) AND dt.day >= ${from} AND dt.day <= ${to}
    )
    SELECT down.id, down."parentId", u.name, NULL::text AS bucket, 0 AS volume, 0 AS sponsors
      FROM down JOIN "Membership" m ON m.id = down.id JOIN "User" u ON u.id = m."userId"
    UNION ALL
    SELECT "membershipId", NULL, NULL, to_char(day, 'YYYY-MM'),
           COALESCE(SUM(total) FILTER (WHERE "metricId" = ${volumeId}), 0),
           COALESCE(SUM(total) FILTER (WHERE "metricId" = ${sponsorsId}), 0)
      FROM totals WHERE day >= ${toDbDay(args.monthsFrom)} AND day <= ${toDbDay(args.monthsTo)}
     GROUP BY "membershipId", to_char(day, 'YYYY-MM')
    UNION ALL
    SELECT "membershipId", NULL, NULL, 'window',
           COALESCE(SUM(total) FILTER (WHERE "metricId" = ${volumeId}), 0),
           COALESCE(SUM(total) FILTER (WHERE "metricId" = ${sponsorsId}), 0)
      FROM totals WHERE day >= ${toDbDay(args.windowFrom)} AND day <= ${toDbDay(args.windowTo)}
     GROUP BY "membershipId"`,
  );
}
