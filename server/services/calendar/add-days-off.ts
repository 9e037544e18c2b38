/** Adds the caller's own days off (never anyone else's). Audited. */
import type { Db } from "@/server/db-client";
import { daysInRange, isWorkingDay } from "@/server/domain/calendar";
import { badRequest } from "@/server/errors";
import { upsertDaysOff } from "@/server/queries/calendar";
import type { TDayOffFields } from "@/server/schemas/calendar";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";

/**
 * Adds the caller's days off from `from` to `to`: the team's working weekdays in that range (rest days are off
 * anyway). A day already off takes the new kind.
 */
export async function addMyDaysOff(db: Db, scope: TeamScope, input: TDayOffFields) {
  const { actor, team } = scope;
  const days = daysInRange(input.from, input.to ?? input.from).filter((d) => isWorkingDay(d, team.workingDays));
  if (days.length === 0) throw badRequest("The team does not work on those days: nothing to take off.", "from");
  return db.$transaction(async (tx) => {
    const saved = await upsertDaysOff(tx, { membershipId: actor.id, days, kind: input.kind });
    await recordActorEvent(tx, actor, {
      action: "calendar.days_off_added",
      subjectId: actor.id,
      data: { days, kind: input.kind },
    });
    return { added: saved.length, days };
  });
}
