/** The team settings the Log needs (calendar, backdating, upline edits), in one small query. */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";

export const logTeamSelect = {
  id: true,
  currency: true,
  timeZone: true,
  weekStartsOn: true,
  workingDays: true,
  backdateDays: true,
  uplineCanEditEntries: true,
} as const;

export interface LogTeam {
  id: string;
  currency: string;
  timeZone: string;
  weekStartsOn: number;
  workingDays: number[];
  backdateDays: number;
  uplineCanEditEntries: boolean;
}

export async function loadLogTeam(db: DbClient, teamId: string): Promise<LogTeam> {
  const team = await db.team.findUnique({ where: { id: teamId }, select: logTeamSelect });
  if (!team) throw notFound("Team");
  return team;
}
