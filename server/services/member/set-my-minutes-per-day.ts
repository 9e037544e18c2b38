/**
 * Sets (or clears, with null) the minutes a day the acting member has for the business. Every plan's time check
 * reads it at once (My plan, the Log, a goal's preview and publish); cleared, plans assume the default. Audited.
 */
import type { Db } from "@/server/db-client";
import type { TSetMinutesPerDayInput } from "@/server/schemas/profile";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";

export async function setMyMinutesPerDay(db: Db, scope: TeamScope, input: TSetMinutesPerDayInput) {
  const { actor } = scope;
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findUniqueOrThrow({ where: { id: actor.id }, select: { minutesPerDay: true } });
    if (before.minutesPerDay === input.minutesPerDay) return { minutesPerDay: before.minutesPerDay };
    const updated = await tx.membership.update({
      where: { id: actor.id },
      data: { minutesPerDay: input.minutesPerDay },
      select: { minutesPerDay: true },
    });
    await recordActorEvent(tx, actor, {
      action: "member.minutes_per_day_changed",
      subjectId: actor.id,
      data: { from: before.minutesPerDay, to: updated.minutesPerDay },
    });
    return { minutesPerDay: updated.minutesPerDay };
  });
}
