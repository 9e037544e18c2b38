/**
 * The team's holidays, by day: from a year back (recent ones still explain past plans) onwards. Everyone in the team
 * reads them; `canManage` says whether the caller may change them (server/services/team/permissions.ts). One query.
 */
import type { DbClient } from "@/server/db-client";
import { addDays } from "@/server/domain/calendar";
import { canManageHolidays } from "@/server/services/team/permissions";
import type { TeamScope } from "@/server/services/team/scope";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

export const holidaySelect = { id: true, day: true, name: true } as const;

export async function listHolidays(db: DbClient, scope: TeamScope) {
  const rows = await db.teamHoliday.findMany({
    where: { teamId: scope.team.id, day: { gte: toDbDay(addDays(scope.today, -366)) } },
    select: holidaySelect,
    orderBy: { day: "asc" },
  });
  return {
    canManage: canManageHolidays(scope.actor),
    holidays: rows.map((h) => ({ id: h.id, day: toIsoDay(h.day), name: h.name })),
  };
}
