/** Removes one of the caller's own days off; anyone else's is NOT_FOUND. Audited. */
import type { Db } from "@/server/db-client";
import { notFound } from "@/server/errors";
import { recordEvent } from "@/server/services/audit/record-event";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { toIsoDay } from "@/server/domain/db-day";


export async function removeMyDayOff(db: Db, args: { actor: ActorMembership; dayOffId: string }) {
  const { actor } = args;
  return db.$transaction(async (tx) => {
    const dayOff = await tx.memberDayOff.findFirst({
      where: { id: args.dayOffId, membershipId: actor.id },
      select: { id: true, day: true, kind: true },
    });
    if (!dayOff) throw notFound("Day off");
    await tx.memberDayOff.delete({ where: { id: dayOff.id } });
    await recordEvent(tx, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: "calendar.day_off_removed",
      subjectId: actor.id,
      data: { day: toIsoDay(dayOff.day), kind: dayOff.kind },
    });
    return { id: dayOff.id };
  });
}
