/**
 * SQL of the team calendar, decoded through one typed mapper each (round-trip tested in
 * calendar.integration.test.ts).
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";

/** A published goal with the holidays it is phased with and the team's holidays inside its dates now. */
export interface GoalHolidaysRow {
  id: string;
  name: string;
  rootMembershipId: string;
  version: number;
  startDate: IsoDate;
  deadline: IsoDate;
  /** The goal metric's unit, to show its amounts. */
  unit: "COUNT" | "MONEY" | "MINUTES";
  /** `Goal.holidays`, sorted. */
  phased: IsoDate[];
  /** The team's holidays from the start to the deadline, sorted. */
  current: { day: IsoDate; name: string }[];
}

interface GoalHolidaysSql {
  id: string;
  name: string;
  rootMembershipId: string;
  version: number;
  startDate: string;
  deadline: string;
  unit: string;
  phased: string;
  current: string;
}

export function goalHolidaysFromSql(row: GoalHolidaysSql): GoalHolidaysRow {
  return {
    id: row.id,
    name: row.name,
    rootMembershipId: row.rootMembershipId,
    version: Number(row.version),
    startDate: row.startDate,
    deadline: row.deadline,
    unit: row.unit as GoalHolidaysRow["unit"],
    phased: JSON.parse(row.phased) as IsoDate[],
    current: JSON.parse(row.current) as { day: IsoDate; name: string }[],
  };
}

/** The team's published goals that have not ended by `today`, with both lists of holidays. One query. */
export async function readGoalHolidays(
  db: DbClient,
  args: { teamId: string; today: IsoDate },
): Promise<GoalHolidaysRow[]> {
  const rows = await db.$queryRaw<GoalHolidaysSql[]>(Prisma.sql`
    SELECT g.id, g.name, g."rootMembershipId", g.version,
           to_char(g."startDate", 'YYYY-MM-DD') AS "startDate", to_char(g.deadline, 'YYYY-MM-DD') AS deadline, m.unit::text AS unit,
           (SELECT COALESCE(json_agg(to_char(d, 'YYYY-MM-DD') ORDER BY d), '[]'::json)::text FROM unnest(g.holidays) AS d) AS phased,
           (SELECT COALESCE(json_agg(json_build_object('day', to_char(h.day, 'YYYY-MM-DD'), 'name', h.name) ORDER BY h.day), '[]'::json)::text
              FROM "TeamHoliday" h
             WHERE h."teamId" = g."teamId" AND h.day >= g."startDate" AND h.day <= g.deadline) AS current
      FROM "Goal" g
      JOIN "Metric" m ON m.id = g."metricId"
     WHERE g."teamId" = ${args.teamId} AND g.status = 'PUBLISHED' AND g.deadline >= ${args.today}::date
     ORDER BY g.deadline, g.id`);
  return rows.map(goalHolidaysFromSql);
}
