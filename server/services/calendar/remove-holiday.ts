/** Removes one of the team's holidays (owner and leaders; another team's holiday is NOT_FOUND). Audited. */
import type { Db } from "@/server/db-client";
import { notFound } from "@/server/errors";
import { recordEvent } from "@/server/services/audit/record-event";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { assertCanManageHolidays } from "./calendar-access";
import { toIsoDay } from "@/server/domain/db-day";


export async function removeHoliday(db: Db, args: { actor: ActorMembership; holidayId: string }) {
  const { actor } = args;
  assertCanManageHolidays(actor);
  return db.$transaction(async (tx) => {
    const holiday = await tx.teamHoliday.findFirst({
      where: { id: args.holidayId, teamId: actor.teamId },
      select: { id: true, day: true, name: true },
    });
    if (!holiday) throw notFound("Holiday");
    await tx.teamHoliday.delete({ where: { id: holiday.id } });
    await recordEvent(tx, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: "calendar.holiday_removed",
      subjectId: holiday.id,
      data: { day: toIsoDay(holiday.day), name: holiday.name },
    });
    return { id: holiday.id };
  });
}
