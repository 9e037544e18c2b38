/**
 * A member's own days off (holiday, sick, other), as only that member sees and changes them (every query is scoped
 * to the caller's membership). Days off close the member's calendar: their daily actions are spread over their other
 * open days, nothing is planned on a day off, and streaks do not break over one.
 */
import { memberToday } from "@/server/clock";
import type { DbClient } from "@/server/db-client";
import { addDays } from "@/server/domain/calendar";
import type { TeamScope } from "@/server/services/team/scope";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

/** The caller's days off from a month back onwards, with the team's holidays over the same days (for context). */
export async function listMyDaysOff(db: DbClient, scope: TeamScope) {
  // The member's own today (their zone): it is their calendar.
  const today = memberToday(scope.actor, scope.team);
  const [daysOff, holidays] = await Promise.all([
    db.memberDayOff.findMany({
      where: { membershipId: scope.actor.id, day: { gte: toDbDay(addDays(today, -31)) } },
      select: { id: true, day: true, kind: true },
      orderBy: { day: "asc" },
    }),
    db.teamHoliday.findMany({
      where: { teamId: scope.team.id, day: { gte: toDbDay(today) } },
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
