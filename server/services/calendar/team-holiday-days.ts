/**
 * The team's holidays inside a goal's dates: what a goal is phased with when it is created, published or re-planned
 * for the team's holidays (`Goal.holidays` keeps that snapshot). One query each.
 */
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

/** The team's holidays from `from` to `to` (inclusive), by day. */
export async function teamHolidaysIn(
  db: DbClient,
  args: { teamId: string; from: IsoDate; to: IsoDate },
): Promise<{ day: IsoDate; name: string }[]> {
  if (args.to < args.from) return [];
  const rows = await db.teamHoliday.findMany({
    where: { teamId: args.teamId, day: { gte: toDbDay(args.from), lte: toDbDay(args.to) } },
    select: { day: true, name: true },
    orderBy: { day: "asc" },
  });
  return rows.map((r) => ({ day: toIsoDay(r.day), name: r.name }));
}

/** The days of the team's holidays from `from` to `to` (inclusive), sorted. */
export async function teamHolidayDays(
  db: DbClient,
  args: { teamId: string; from: IsoDate; to: IsoDate },
): Promise<IsoDate[]> {
  return (await teamHolidaysIn(db, args)).map((h) => h.day);
}

/** The days in `current` and not in `phased` (added), and the other way round (removed); both sorted. */
export function holidayChanges(
  phased: readonly IsoDate[],
  current: readonly IsoDate[],
): { added: IsoDate[]; removed: IsoDate[] } {
  const before = new Set(phased);
  const after = new Set(current);
  return {
    added: [...after].filter((d) => !before.has(d)).sort(),
    removed: [...before].filter((d) => !after.has(d)).sort(),
  };
}
