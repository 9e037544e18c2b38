/**
 * A member's own days off (holiday, sick, other), as only that member sees and changes them (every query is scoped
 * to the caller's membership). Days off close the member's calendar: their daily actions are spread over their other
 * open days, nothing is planned on a day off, and streaks do not break over one.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";


/** The caller's days off from a month back onwards, with the team's holidays over the same days (for context). */
export async function listMyDaysOff(db: DbClient, args: { actor: ActorMembership; today: IsoDate }) {
  const from = toDbDay(addDays(args.today, -31));
  const [daysOff, holidays] = await Promise.all([
    db.memberDayOff.findMany({
      where: { membershipId: args.actor.id, day: { gte: from } },
      select: { id: true, day: true, kind: true },
      orderBy: { day: "asc" },
    }),
    db.teamHoliday.findMany({
      where: { teamId: args.actor.teamId, day: { gte: toDbDay(args.today) } },
      select: { day: true, name: true },
      orderBy: { day: "asc" },
      take: 10,
    }),
  ]);
  return {
    daysOff: daysOff.map((d) => ({ id: d.id, day: toIsoDay(d.day), kind: d.kind })),
    /** The team's next holidays (everyone is off then; no need to add them). */
    upcomingHolidays: holidays.map((h) => ({ day: toIsoDay(h.day), name: h.name })),
  };
}
