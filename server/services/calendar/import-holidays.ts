/**
 * Importing a country's public holidays for a year (owner and leaders: `holidaysProcedure`). The preview lists them
 * (names and dates, which ones the team already has, which fall on a rest day) and writes nothing; the import, once
 * the leader confirms, adds the days they kept — only days of that country's list, with the list's names — skipping
 * days the team already has. One audit event for the import.
 */
import type { Db, DbClient } from "@/server/db-client";
import { isWorkingDay } from "@/server/domain/calendar";
import { badRequest } from "@/server/errors";
import { insertTeamHolidays } from "@/server/queries/calendar";
import type { THolidayImportQuery, TImportHolidaysInput } from "@/server/schemas/calendar";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import { publicHolidays } from "@/server/domain/public-holidays";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

export async function previewHolidayImport(db: DbClient, scope: TeamScope, query: THolidayImportQuery) {
  const { team } = scope;
  const { place, holidays } = await publicHolidays(query);
  const existing = await db.teamHoliday.findMany({
    where: { teamId: team.id, day: { gte: toDbDay(`${query.year}-01-01`), lte: toDbDay(`${query.year}-12-31`) } },
    select: { day: true, name: true },
  });
  const have = new Map(existing.map((h) => [toIsoDay(h.day), h.name]));
  return {
    place,
    year: query.year,
    holidays: holidays.map((h) => ({
      ...h,
      /** The team already has a holiday that day (under this name). */
      existing: have.get(h.day) ?? null,
      /** Falls on a day the team does not work anyway. */
      restDay: !isWorkingDay(h.day, team.workingDays),
    })),
  };
}

export async function importHolidays(db: Db, scope: TeamScope, input: TImportHolidaysInput) {
  const { days: kept, ...query } = input;
  const { place, holidays } = await publicHolidays(query);
  const wanted = new Set(kept);
  const chosen = holidays.filter((h) => wanted.delete(h.day));
  if (wanted.size > 0)
    throw badRequest(
      `${[...wanted].sort().join(", ")} ${wanted.size === 1 ? "is" : "are"} not in the ${query.year} list for ${place}.`,
      "days",
    );
  return db.$transaction(async (tx) => {
    const days = (await insertTeamHolidays(tx, { teamId: scope.team.id, holidays: chosen })).sort();
    await recordActorEvent(tx, scope.actor, {
      action: "calendar.holidays_imported",
      data: { place, country: query.country, region: query.region ?? null, year: query.year, days },
    });
    return { place, added: days.length, skipped: chosen.length - days.length };
  });
}
