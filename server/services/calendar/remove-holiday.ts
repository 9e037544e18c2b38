/**
 * Removes one of the team's holidays (owner and leaders). `teamHolidayProcedure` (server/api/policy/calendar.ts)
 * finds it with `findTeamHoliday` first: another team's holiday is NOT_FOUND. Audited.
 */
import type { Db, DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import { toIsoDay } from "@/server/domain/db-day";
import { holidaySelect } from "./list-holidays";

export interface TeamHolidayRow {
  id: string;
  day: Date;
  name: string;
}

/** One of the scope's team holidays; NOT_FOUND for anything else. */
export async function findTeamHoliday(db: DbClient, scope: TeamScope, holidayId: string): Promise<TeamHolidayRow> {
  const holiday = await db.teamHoliday.findFirst({
    where: { id: holidayId, teamId: scope.team.id },
    select: holidaySelect,
  });
  if (!holiday) throw notFound("Holiday");
  return holiday;
}

export async function removeHoliday(db: Db, scope: TeamScope, holiday: TeamHolidayRow) {
  return db.$transaction(async (tx) => {
    await tx.teamHoliday.delete({ where: { id: holiday.id } });
    const data = { day: toIsoDay(holiday.day), name: holiday.name };
    await recordActorEvent(tx, scope.actor, { action: "calendar.holiday_removed", subjectId: holiday.id, data });
    return { id: holiday.id };
  });
}
