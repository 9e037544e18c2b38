/**
 * Adds a team holiday (owner and leaders: `holidaysProcedure`, server/api/policy/calendar.ts). Goals already
 * published keep the holidays they were phased with: the holidays screen then lists them for a previewed re-plan
 * (goals-to-replan.ts). Audited.
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { THolidayFields } from "@/server/schemas/calendar";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import { holidaySelect } from "./list-holidays";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

export async function addHoliday(db: Db, scope: TeamScope, input: THolidayFields) {
  const teamId = scope.team.id;
  return db.$transaction(async (tx) => {
    const existing = await tx.teamHoliday.findUnique({
      where: { teamId_day: { teamId, day: toDbDay(input.day) } },
      select: { name: true },
    });
    if (existing)
      throw new AppError("CONFLICT", `${input.day} is already a holiday (${existing.name}).`, { field: "day" });
    const holiday = await tx.teamHoliday.create({
      data: { teamId, day: toDbDay(input.day), name: input.name },
      select: holidaySelect,
    });
    await recordActorEvent(tx, scope.actor, {
      action: "calendar.holiday_added",
      subjectId: holiday.id,
      data: { day: input.day, name: input.name },
    });
    return { id: holiday.id, day: toIsoDay(holiday.day), name: holiday.name };
  });
}
