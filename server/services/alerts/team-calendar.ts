/**
 * What every alert job needs of a team at one tick, read set-based (a few queries per team, never one per member):
 * its active members with their zone's day and hour now, and whether that day is a rest day for each (a weekday the
 * team does not work, a team holiday, one of their days off — the rule of `isRestDay`).
 */
import type { DbClient } from "@/server/db-client";
import { memberTimeZone, nowMs, todayIn } from "@/server/clock";
import { isRestDay, type AlertMember } from "@/server/domain/behind-pace-alerts";
import { hourInTimeZone } from "@/server/domain/zoned-time";
import type { IsoDate } from "@/server/domain/calendar";
import { toDbDay, toIsoDay } from "@/server/domain/db-day";

export interface AlertTeam {
  id: string;
  slug: string;
  timeZone: string;
  currency: string;
  weekStartsOn: number;
  workingDays: number[];
  sponsorsLeadBranches: boolean;
}

export const alertTeamSelect = {
  id: true,
  slug: true,
  timeZone: true,
  currency: true,
  weekStartsOn: true,
  workingDays: true,
  sponsorsLeadBranches: true,
} as const;

/** The teams with at least one active member whose local hour now passes `wanted` (one grouped read of all teams). */
export async function teamsWithLocalHour(db: DbClient, wanted: (localHour: number) => boolean): Promise<AlertTeam[]> {
  const at = nowMs();
  const [teams, zones] = await Promise.all([
    db.team.findMany({ select: alertTeamSelect }),
    db.membership.groupBy({ by: ["teamId", "timeZone"], where: { status: "ACTIVE" } }),
  ]);
  const byId = new Map(teams.map((t) => [t.id, t]));
  const hit = new Set<string>();
  for (const z of zones) {
    const team = byId.get(z.teamId);
    if (team && wanted(hourInTimeZone(at, memberTimeZone(z, team)))) hit.add(team.id);
  }
  return teams.filter((t) => hit.has(t.id));
}

/** A team's active members as the alerts see them now (two reads: members; holidays and days off of their days). */
export async function loadAlertMembers(db: DbClient, team: AlertTeam): Promise<AlertMember[]> {
  const at = nowMs();
  const rows = await db.membership.findMany({
    where: { teamId: team.id, status: "ACTIVE" },
    select: { id: true, userId: true, parentId: true, role: true, timeZone: true, user: { select: { name: true } } },
  });
  const local = rows.map((r) => {
    const zone = memberTimeZone(r, team);
    return { r, localDay: todayIn(zone), localHour: hourInTimeZone(at, zone) };
  });
  const days = [...new Set(local.map((l) => l.localDay))].map(toDbDay);
  const [holidays, daysOff] = await Promise.all([
    db.teamHoliday.findMany({ where: { teamId: team.id, day: { in: days } }, select: { day: true } }),
    db.memberDayOff.findMany({
      where: { membership: { teamId: team.id }, day: { in: days } },
      select: { membershipId: true, day: true },
    }),
  ]);
  const holidaySet = new Set<IsoDate>(holidays.map((h) => toIsoDay(h.day)));
  const offByMember = new Map<string, Set<IsoDate>>();
  for (const d of daysOff) {
    const set = offByMember.get(d.membershipId) ?? new Set<IsoDate>();
    set.add(toIsoDay(d.day));
    offByMember.set(d.membershipId, set);
  }
  const none = new Set<IsoDate>();
  return local.map(({ r, localDay, localHour }) => ({
    id: r.id,
    userId: r.userId,
    name: r.user.name,
    parentId: r.parentId,
    role: r.role,
    localDay,
    localHour,
    restDay: isRestDay(localDay, {
      workingDays: team.workingDays,
      holidays: holidaySet,
      daysOff: offByMember.get(r.id) ?? none,
    }),
  }));
}
