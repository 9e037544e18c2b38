/**
 * The team settings the Log needs (calendar, backdating, upline edits) and the zone the acting member lives in, in
 * one small query. The team procedure has both already (`ctx.team`, `ctx.membership.timeZone`): `logScopeOf` then
 * costs nothing, which keeps logging at two round trips (docs/PERFORMANCE.md, Logging).
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { memberTimeZone } from "@/server/clock";

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

/** The team's Log settings and where the member lives. */
export interface LogScope {
  team: LogTeam;
  /** The member's time zone: their own, else the team's. Their "today" and logging window are days there. */
  timeZone: string;
  /** The zone the member set; null = they follow the team's. */
  ownTimeZone: string | null;
}

export async function loadLogTeam(db: DbClient, teamId: string): Promise<LogTeam> {
  const team = await db.team.findUnique({ where: { id: teamId }, select: logTeamSelect });
  if (!team) throw notFound("Team");
  return team;
}

/** The scope from what the team procedure loaded, when it has the member's zone; null otherwise. */
export function logScopeOf(
  team: LogTeam | undefined,
  actor: Pick<ActorMembership, "teamId" | "timeZone">,
): LogScope | null {
  if (!team || team.id !== actor.teamId || actor.timeZone === undefined) return null;
  return { team, timeZone: memberTimeZone(actor, team), ownTimeZone: actor.timeZone ?? null };
}

/** The team's Log settings and the member's zone in ONE query (the membership joined with its team). */
export async function loadLogScope(db: DbClient, args: { teamId: string; membershipId: string }): Promise<LogScope> {
  const rows = await db.$queryRaw<(LogTeam & { memberTimeZone: string | null })[]>(Prisma.sql`
    SELECT t.id, t.currency, t."timeZone", t."weekStartsOn", t."workingDays", t."backdateDays", t."uplineCanEditEntries",
           m."timeZone" AS "memberTimeZone"
      FROM "Team" t
      LEFT JOIN "Membership" m ON m.id = ${args.membershipId} AND m."teamId" = t.id
     WHERE t.id = ${args.teamId}`);
  const row = rows[0];
  if (!row) throw notFound("Team");
  const { memberTimeZone: own, ...team } = row;
  return { team, timeZone: memberTimeZone({ timeZone: own }, team), ownTimeZone: own };
}
