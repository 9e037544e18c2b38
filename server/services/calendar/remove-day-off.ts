/**
 * Removes one of the caller's own days off. `ownDayOffProcedure` (server/api/policy/calendar.ts) finds it with
 * `findMyDayOff` first: anyone else's is NOT_FOUND. Audited.
 */
import type { Db, DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import { toIsoDay } from "@/server/domain/db-day";

export interface DayOffRow {
  id: string;
  day: Date;
  kind: "HOLIDAY" | "SICK" | "OTHER";
}

/** One of the caller's own days off; NOT_FOUND for anyone else's. */
export async function findMyDayOff(db: DbClient, scope: TeamScope, dayOffId: string): Promise<DayOffRow> {
  const dayOff = await db.memberDayOff.findFirst({
    where: { id: dayOffId, membershipId: scope.actor.id },
    select: { id: true, day: true, kind: true },
  });
  if (!dayOff) throw notFound("Day off");
  return dayOff;
}

export async function removeMyDayOff(db: Db, scope: TeamScope, dayOff: DayOffRow) {
  return db.$transaction(async (tx) => {
    await tx.memberDayOff.delete({ where: { id: dayOff.id } });
    const data = { day: toIsoDay(dayOff.day), kind: dayOff.kind };
    await recordActorEvent(tx, scope.actor, { action: "calendar.day_off_removed", subjectId: scope.actor.id, data });
    return { id: dayOff.id };
  });
}
