/**
 * Sets (or clears, with null) the acting member's own time zone. Their "today", the Log's days, backdating, streaks
 * and reminders follow it; the team's periods (weeks, months, deadlines) stay in the team's zone.
 *
 * The zone was validated against the runtime's IANA list by zod (ZTimeZone); the database must know it too, since
 * the reminder run works out each member's local time in SQL — a zone it does not know is refused here, not there.
 */
import type { DbClient } from "@/server/db-client";
import { badRequest } from "@/server/errors";
import { isTimeZoneKnownToDb } from "@/server/queries/member";
import type { TSetMyTimeZoneInput } from "@/server/schemas/member";
import type { TeamScope } from "@/server/services/team/scope";

export async function setMyTimeZone(db: DbClient, scope: TeamScope, input: TSetMyTimeZoneInput) {
  const { timeZone } = input;
  if (timeZone !== null) {
    if (!(await isTimeZoneKnownToDb(db, timeZone)))
      throw badRequest(
        `The time zone ${timeZone} is not supported here. Choose another city in the same zone.`,
        "timeZone",
      );
  }
  const updated = await db.membership.update({
    where: { id: scope.actor.id },
    data: { timeZone },
    select: { timeZone: true, team: { select: { timeZone: true } } },
  });
  return { timeZone: updated.timeZone, teamTimeZone: updated.team.timeZone };
}
