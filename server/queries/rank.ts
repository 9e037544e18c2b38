/** The rank's hand-written read: a member's volumes this period by leg (their direct downline members), one query. */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { toDbDay } from "@/server/domain/db-day";
import { queryRows, zcol, zodRows } from "./decode";

const ZLegTotalRow = z.object({
  /** Null: the member's own total; otherwise the direct downline member whose leg (their subtree) it is. */
  leg: z.string().nullable(),
  metricId: z.string(),
  total: zcol.int,
});
export type LegTotalRow = z.output<typeof ZLegTotalRow>;

const legTotals = zodRows("rank.legTotals", ZLegTotalRow);

/**
 * Over [from, to]: the member's own totals of the volume and sponsors metrics, and each leg's volume (one recursive
 * CTE down the member's subtree, whatever its size).
 */
export function rankLegTotals(
  db: DbClient,
  args: { teamId: string; membershipId: string; volumeId: string; sponsorsId: string; from: IsoDate; to: IsoDate },
): Promise<LegTotalRow[]> {
  const { volumeId, sponsorsId } = args;
  return queryRows(
    db,
    legTotals,
    Prisma.sql`
    WITH RECURSIVE down AS (
      SELECT id, NULL::text AS leg, 0 AS depth FROM "Membership" WHERE id = ${args.membershipId} AND "teamId" = ${args.teamId}
      UNION ALL
      SELECT m.id, COALESCE(down.leg, m.id), down.depth + 1
        FROM "Membership" m JOIN down ON m."parentId" = down.id
       WHERE m."teamId" = ${args.teamId} AND m.status = 'ACTIVE' AND down.depth < 10000
    )
    SELECT down.leg, dt."metricId", SUM(dt.total) AS total
      FROM down JOIN "DailyTotal" dt ON dt."membershipId" = down.id
     WHERE dt."metricId" IN (${volumeId}, ${sponsorsId}) AND dt.day >= ${toDbDay(args.from)} AND dt.day <= ${toDbDay(args.to)}
       AND (down.leg IS NULL OR dt."metricId" = ${volumeId})
     GROUP BY down.leg, dt."metricId"`,
  );
}
