/**
 * The team's holidays, by day: from a year back (recent ones still explain past plans) onwards. Everyone in the team
 * reads them; `canManage` says whether the caller may change them. One query.
 */
import type { DbClient } from "@/server/db-client";
import { addDays, type IsoDate } from "@/server/domain/calendar";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { canManageHolidays } from "./calendar-access";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

export const holidaySelect = { id: true, day: true, name: true } as const;


export async function listHolidays(db: DbClient, args: { actor: ActorMembership; today: IsoDate }) {
  const rows = await db.teamHoliday.findMany({
    where: { teamId: args.actor.teamId, day: { gte: toDbDay(addDays(args.today, -366)) } },
    select: holidaySelect,
    orderBy: { day: "asc" },
  });
  return {
    canManage: canManageHolidays(args.actor),
    holidays: rows.map((h) => ({ id: h.id, day: toIsoDay(h.day), name: h.name })),
  };
}
