/**
 * Adds a team holiday (owner and leaders). Goals already published keep the holidays they were phased with: the
 * holidays screen then lists them for a previewed re-plan (goals-to-replan.ts). Audited.
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { THolidayFields } from "@/server/schemas/calendar";
import { recordEvent } from "@/server/services/audit/record-event";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { assertCanManageHolidays } from "./calendar-access";
import { holidaySelect } from "./list-holidays";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

export async function addHoliday(db: Db, args: { actor: ActorMembership; input: THolidayFields }) {
  const { actor, input } = args;
  assertCanManageHolidays(actor);
  return db.$transaction(async (tx) => {
    const existing = await tx.teamHoliday.findUnique({
      where: { teamId_day: { teamId: actor.teamId, day: toDbDay(input.day) } },
      select: { name: true },
    });
    if (existing)
      throw new AppError("CONFLICT", `${input.day} is already a holiday (${existing.name}).`, { field: "day" });
    const holiday = await tx.teamHoliday.create({
      data: { teamId: actor.teamId, day: toDbDay(input.day), name: input.name },
      select: holidaySelect,
    });
    await recordEvent(tx, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: "calendar.holiday_added",
      subjectId: holiday.id,
      data: { day: input.day, name: input.name },
    });
    return { id: holiday.id, day: toIsoDay(holiday.day), name: holiday.name };
  });
}
