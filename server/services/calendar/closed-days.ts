/**
 * The closed days around a member, in ONE query: the team's holidays and the member's own days off in [from, to].
 * `closedDays` is what the domain's `WorkCalendar.closedDays` takes for that member (holidays ∪ days off).
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";

export interface ClosedDays {
  /** Team holidays in the range, by day: YYYY-MM-DD → name. */
  holidays: Map<IsoDate, string>;
  /** The member's days off in the range: YYYY-MM-DD → kind (HOLIDAY, SICK, OTHER). */
  daysOff: Map<IsoDate, string>;
  /** Holidays and days off together, sorted. */
  closedDays: IsoDate[];
}

interface Row {
  source: "holiday" | "day_off";
  day: string;
  label: string;
}

export async function loadClosedDays(
  db: DbClient,
  args: { teamId: string; membershipId?: string | null; from: IsoDate; to: IsoDate },
): Promise<ClosedDays> {
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT 'holiday' AS source, to_char(h.day, 'YYYY-MM-DD') AS day, h.name AS label
      FROM "TeamHoliday" h
     WHERE h."teamId" = ${args.teamId} AND h.day BETWEEN ${args.from}::date AND ${args.to}::date
    UNION ALL
    SELECT 'day_off', to_char(d.day, 'YYYY-MM-DD'), d.kind::text
      FROM "MemberDayOff" d
     WHERE d."membershipId" = ${args.membershipId ?? null} AND d.day BETWEEN ${args.from}::date AND ${args.to}::date`);
  return closedDaysFromRows(rows);
}

export function closedDaysFromRows(rows: readonly Row[]): ClosedDays {
  const holidays = new Map<IsoDate, string>();
  const daysOff = new Map<IsoDate, string>();
  for (const r of rows) (r.source === "holiday" ? holidays : daysOff).set(r.day, r.label);
  const closedDays = [...new Set([...holidays.keys(), ...daysOff.keys()])].sort();
  return { holidays, daysOff, closedDays };
}
