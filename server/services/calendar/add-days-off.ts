/** Adds the caller's own days off (never anyone else's). Audited. */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import { daysInRange, isWorkingDay } from "@/server/domain/calendar";
import { badRequest } from "@/server/errors";
import type { TDayOffFields } from "@/server/schemas/calendar";
import { recordEvent } from "@/server/services/audit/record-event";
import type { ActorMembership } from "@/server/services/team/load-team-access";

/**
 * Adds the caller's days off from `from` to `to`: the team's working weekdays in that range (rest days are off
 * anyway). A day already off takes the new kind.
 */
export async function addMyDaysOff(db: Db, args: { actor: ActorMembership; input: TDayOffFields }) {
  const { actor, input } = args;
  const team = await db.team.findUniqueOrThrow({ where: { id: actor.teamId }, select: { workingDays: true } });
  const days = daysInRange(input.from, input.to ?? input.from).filter((d) => isWorkingDay(d, team.workingDays));
  if (days.length === 0) throw badRequest("The team does not work on those days: nothing to take off.", "from");
  return db.$transaction(async (tx) => {
    const saved = await tx.$queryRaw<{ id: string; day: string }[]>(Prisma.sql`
      INSERT INTO "MemberDayOff" (id, "membershipId", day, kind)
      SELECT gen_random_uuid()::text, ${actor.id}, d, ${input.kind}::"DayOffKind"
        FROM unnest(${days}::date[]) AS d
      ON CONFLICT ("membershipId", day) DO UPDATE SET kind = EXCLUDED.kind
      RETURNING id, to_char(day, 'YYYY-MM-DD') AS day`);
    await recordEvent(tx, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: "calendar.days_off_added",
      subjectId: actor.id,
      data: { days, kind: input.kind },
    });
    return { added: saved.length, days };
  });
}
