/**
 * The re-plans of a goal ("re-plan the rest", server/services/goal/replan-rest.ts), with what every re-planned member
 * needs to rebuild their row: their personal target and their daily totals of the goal's metric from the goal's start
 * up to the day before their re-plan. ONE query for the whole goal whatever the team size: a goal holds few re-plans,
 * and the roll-up reads them beside its own single read (server/services/progress/replanned-plans.ts).
 * Round trip: replan.integration.test.ts beside this file.
 */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { queryRows, zcol, zodRows } from "./decode";
import { slotBytes, slotPersonal } from "./goal-split";

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const ZGoalReplanRow = z.object({
  membershipId: z.string(),
  fromDate: ZDay,
  fixedFrom: ZDay.nullable(),
  fixedTo: ZDay.nullable(),
  fixedAmount: zcol.int.nullable(),
  personal: zcol.int.nullable(),
  /** Days with a total before `fromDate`, ascending, and their totals (parallel). */
  days: z.array(ZDay),
  totals: z.array(zcol.int),
});

export interface GoalReplanRow {
  membershipId: string;
  fromDate: IsoDate;
  fixed: { from: IsoDate; to: IsoDate; amount: number } | null;
  /** The member's personal target in the goal; null when they have none (the re-plan then does not apply). */
  personal: number | null;
  /** Daily totals before `fromDate` (from the goal's start), ascending by day. */
  daily: { day: IsoDate; total: number }[];
}

const goalReplanRows = zodRows(
  "replan.goalReplans",
  ZGoalReplanRow.transform((r): GoalReplanRow => ({
    membershipId: r.membershipId,
    fromDate: r.fromDate,
    fixed:
      r.fixedFrom !== null && r.fixedTo !== null && r.fixedAmount !== null
        ? { from: r.fixedFrom, to: r.fixedTo, amount: r.fixedAmount }
        : null,
    personal: r.personal,
    daily: r.days.map((day, k) => ({ day, total: r.totals[k] ?? 0 })),
  })),
);

/** Every re-plan of the goal (or of the listed members only), with each member's target and daily totals before it. */
export function goalReplans(
  db: DbClient,
  args: { teamId: string; goalId: string; metricId: string; start: IsoDate; membershipIds?: readonly string[] },
): Promise<GoalReplanRow[]> {
  const only =
    args.membershipIds === undefined
      ? Prisma.empty
      : Prisma.sql`AND r."membershipId" = ANY(${[...args.membershipIds]}::text[])`;
  return queryRows(
    db,
    goalReplanRows,
    Prisma.sql`
    SELECT r."membershipId", to_char(r."fromDate", 'YYYY-MM-DD') AS "fromDate",
           to_char(r."fixedFrom", 'YYYY-MM-DD') AS "fixedFrom", to_char(r."fixedTo", 'YYYY-MM-DD') AS "fixedTo", r."fixedAmount", mt.personal,
           COALESCE(array_agg(to_char(dt.day, 'YYYY-MM-DD') ORDER BY dt.day) FILTER (WHERE dt.day IS NOT NULL), '{}') AS days,
           COALESCE(array_agg(dt.total ORDER BY dt.day) FILTER (WHERE dt.day IS NOT NULL), '{}') AS totals
      FROM "TargetReplan" r
      JOIN "Membership" rm ON rm.id = r."membershipId"
      LEFT JOIN "GoalSplit" gs ON gs."goalId" = r."goalId"
      LEFT JOIN LATERAL (SELECT ${slotPersonal(Prisma.sql`z.t`)} AS personal
                           FROM (SELECT ${slotBytes(Prisma.sql`gs.split`, Prisma.sql`rm.slot`)} AS t OFFSET 0) z) mt ON true
      LEFT JOIN "DailyTotal" dt ON dt."membershipId" = r."membershipId" AND dt."metricId" = ${args.metricId}
            AND dt."teamId" = ${args.teamId} AND dt.day >= ${args.start}::date AND dt.day < r."fromDate"
     WHERE r."goalId" = ${args.goalId} ${only}
     GROUP BY r."membershipId", r."fromDate", r."fixedFrom", r."fixedTo", r."fixedAmount", mt.personal
     ORDER BY r."membershipId"`,
  );
}
