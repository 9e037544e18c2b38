/**
 * Sets (or clears, with null) the acting member's own time zone. Their "today", the Log's days, backdating, streaks
 * and reminders follow it; the team's periods (weeks, months, deadlines) stay in the team's zone.
 *
 * The zone was validated against the runtime's IANA list by zod (ZTimeZone); the database must know it too, since
 * the reminder run works out each member's local time in SQL — a zone it does not know is refused here, not there.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { badRequest } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";

export async function setMyTimeZone(db: DbClient, args: { actor: ActorMembership; timeZone: string | null }) {
  const timeZone = args.timeZone;
  if (timeZone !== null) {
    const known = await db
      .$queryRaw<{ ok: boolean }[]>(Prisma.sql`SELECT (now() AT TIME ZONE ${timeZone}) IS NOT NULL AS ok`)
      .then((rows) => rows[0]?.ok === true)
      .catch(() => false);
    if (!known)
      throw badRequest(
        `The time zone ${timeZone} is not supported here. Choose another city in the same zone.`,
        "timeZone",
      );
  }
  const updated = await db.membership.update({
    where: { id: args.actor.id },
    data: { timeZone },
    select: { timeZone: true, team: { select: { timeZone: true } } },
  });
  return { timeZone: updated.timeZone, teamTimeZone: updated.team.timeZone };
}
