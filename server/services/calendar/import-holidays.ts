/**
 * Importing a country's public holidays for a year. The preview lists them (names and dates, which ones the team
 * already has, which fall on a rest day) and writes nothing; the import, once the leader confirms, adds the days they
 * kept — only days of that country's list, with the list's names — skipping days the team already has. One audit
 * event for the import.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db, DbClient } from "@/server/db-client";
import { isWorkingDay } from "@/server/domain/calendar";
import { badRequest } from "@/server/errors";
import type { THolidayImportQuery } from "@/server/schemas/calendar";
import { recordEvent } from "@/server/services/audit/record-event";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { assertCanManageHolidays } from "./calendar-access";

import { publicHolidays } from "@/server/domain/public-holidays";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

export async function previewHolidayImport(db: DbClient, args: { actor: ActorMembership; query: THolidayImportQuery }) {
  const { actor, query } = args;
  assertCanManageHolidays(actor);
  const { place, holidays } = await publicHolidays(query);
  const [team, existing] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { workingDays: true } }),
    db.teamHoliday.findMany({
      where: { teamId: actor.teamId, day: { gte: toDbDay(`${query.year}-01-01`), lte: toDbDay(`${query.year}-12-31`) } },
      select: { day: true, name: true },
    }),
  ]);
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

export async function importHolidays(
  db: Db,
  args: { actor: ActorMembership; query: THolidayImportQuery; days: readonly string[] },
) {
  const { actor, query } = args;
  assertCanManageHolidays(actor);
  const { place, holidays } = await publicHolidays(query);
  const wanted = new Set(args.days);
  const chosen = holidays.filter((h) => wanted.delete(h.day));
  if (wanted.size > 0)
    throw badRequest(
      `${[...wanted].sort().join(", ")} ${wanted.size === 1 ? "is" : "are"} not in the ${query.year} list for ${place}.`,
      "days",
    );
  return db.$transaction(async (tx) => {
    const added = await tx.$queryRaw<{ day: string }[]>(Prisma.sql`
      INSERT INTO "TeamHoliday" (id, "teamId", day, name)
      SELECT gen_random_uuid()::text, ${actor.teamId}, h.day, h.name
        FROM unnest(${chosen.map((h) => h.day)}::date[], ${chosen.map((h) => h.name)}::text[]) AS h(day, name)
      ON CONFLICT ("teamId", day) DO NOTHING
      RETURNING to_char(day, 'YYYY-MM-DD') AS day`);
    const days = added.map((r) => r.day).sort();
    await recordEvent(tx, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: "calendar.holidays_imported",
      data: { place, country: query.country, region: query.region ?? null, year: query.year, days },
    });
    return { place, added: days.length, skipped: chosen.length - days.length };
  });
}
