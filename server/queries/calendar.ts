/**
 * SQL of the team calendar: closed days around a member (holidays ∪ days off), published goals with their holidays,
 * and the two bulk writes (days off, imported holidays). Each query decodes its rows through one zod schema; round
 * trip tested in calendar.integration.test.ts.
 */
import { Prisma } from "@/generated/prisma/client";
import { z } from "zod";
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { queryRows, zcol, zodRows } from "./decode";

const ZIsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A JSON array sent back as text (json_agg …::text). */
const jsonText = <S extends z.ZodType>(schema: S) =>
  z.string().transform((text, ctx) => {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data as z.output<S>;
    ctx.addIssue({ code: "custom", message: z.prettifyError(parsed.error) });
    return z.NEVER;
  });

const ZClosedDayRow = z.object({ source: z.enum(["holiday", "day_off"]), day: ZIsoDay, label: z.string() });
/** One closed day: a team holiday (label = its name) or the member's day off (label = its kind). */
export type ClosedDayRow = z.output<typeof ZClosedDayRow>;
const closedDayRows = zodRows("calendar.closedDays", ZClosedDayRow);

/** The team's holidays and the member's days off in [from, to], in ONE query. */
export function readClosedDays(
  db: DbClient,
  args: { teamId: string; membershipId?: string | null; from: IsoDate; to: IsoDate },
): Promise<ClosedDayRow[]> {
  return queryRows(
    db,
    closedDayRows,
    Prisma.sql`
    SELECT 'holiday' AS source, to_char(h.day, 'YYYY-MM-DD') AS day, h.name AS label
      FROM "TeamHoliday" h
     WHERE h."teamId" = ${args.teamId} AND h.day BETWEEN ${args.from}::date AND ${args.to}::date
    UNION ALL
    SELECT 'day_off', to_char(d.day, 'YYYY-MM-DD'), d.kind::text
      FROM "MemberDayOff" d
     WHERE d."membershipId" = ${args.membershipId ?? null} AND d.day BETWEEN ${args.from}::date AND ${args.to}::date`,
  );
}

const ZGoalHolidaysRow = z.object({
  id: z.string(),
  name: z.string(),
  rootMembershipId: z.string(),
  version: zcol.int,
  startDate: ZIsoDay,
  deadline: ZIsoDay,
  /** The goal metric's unit, to show its amounts. */
  unit: z.enum(["COUNT", "MONEY", "MINUTES"]),
  /** `Goal.holidays`, sorted. */
  phased: jsonText(z.array(ZIsoDay)),
  /** The team's holidays from the start to the deadline, sorted. */
  current: jsonText(z.array(z.object({ day: ZIsoDay, name: z.string() }))),
});
/** A published goal with the holidays it is phased with and the team's holidays inside its dates now. */
export type GoalHolidaysRow = z.output<typeof ZGoalHolidaysRow>;
const goalHolidaysRows = zodRows("calendar.goalHolidays", ZGoalHolidaysRow);

/** The team's published goals that have not ended by `today`, with both lists of holidays. One query. */
export function readGoalHolidays(db: DbClient, args: { teamId: string; today: IsoDate }): Promise<GoalHolidaysRow[]> {
  return queryRows(
    db,
    goalHolidaysRows,
    Prisma.sql`
    SELECT g.id, g.name, g."rootMembershipId", g.version,
           to_char(g."startDate", 'YYYY-MM-DD') AS "startDate", to_char(g.deadline, 'YYYY-MM-DD') AS deadline, m.unit::text AS unit,
           (SELECT COALESCE(json_agg(to_char(d, 'YYYY-MM-DD') ORDER BY d), '[]'::json)::text FROM unnest(g.holidays) AS d) AS phased,
           (SELECT COALESCE(json_agg(json_build_object('day', to_char(h.day, 'YYYY-MM-DD'), 'name', h.name) ORDER BY h.day), '[]'::json)::text
              FROM "TeamHoliday" h
             WHERE h."teamId" = g."teamId" AND h.day >= g."startDate" AND h.day <= g.deadline) AS current
      FROM "Goal" g
      JOIN "Metric" m ON m.id = g."metricId"
     WHERE g."teamId" = ${args.teamId} AND g.status = 'PUBLISHED' AND g.deadline >= ${args.today}::date
     ORDER BY g.deadline, g.id`,
  );
}

const dayRows = zodRows("calendar.savedDays", z.object({ day: ZIsoDay }));

/** Saves a member's days off (a day already off takes the new kind); returns the days written. */
export async function upsertDaysOff(
  db: DbClient,
  args: { membershipId: string; days: readonly IsoDate[]; kind: "HOLIDAY" | "SICK" | "OTHER" },
): Promise<IsoDate[]> {
  const rows = await queryRows(
    db,
    dayRows,
    Prisma.sql`
    INSERT INTO "MemberDayOff" (id, "membershipId", day, kind)
    SELECT gen_random_uuid()::text, ${args.membershipId}, d, ${args.kind}::"DayOffKind"
      FROM unnest(${args.days}::date[]) AS d
    ON CONFLICT ("membershipId", day) DO UPDATE SET kind = EXCLUDED.kind
    RETURNING to_char(day, 'YYYY-MM-DD') AS day`,
  );
  return rows.map((r) => r.day);
}

/** Adds team holidays, skipping days the team already has; returns the days added. */
export async function insertTeamHolidays(
  db: DbClient,
  args: { teamId: string; holidays: readonly { day: IsoDate; name: string }[] },
): Promise<IsoDate[]> {
  const rows = await queryRows(
    db,
    dayRows,
    Prisma.sql`
    INSERT INTO "TeamHoliday" (id, "teamId", day, name)
    SELECT gen_random_uuid()::text, ${args.teamId}, h.day, h.name
      FROM unnest(${args.holidays.map((h) => h.day)}::date[], ${args.holidays.map((h) => h.name)}::text[]) AS h(day, name)
    ON CONFLICT ("teamId", day) DO NOTHING
    RETURNING to_char(day, 'YYYY-MM-DD') AS day`,
  );
  return rows.map((r) => r.day);
}
