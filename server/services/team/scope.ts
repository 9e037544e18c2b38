/**
 * The one scope every team service takes: `(db, scope, input)`. `teamProcedure` builds it once per request from the
 * caller's membership (server/api/trpc.ts); REST routes, scripts and tests build it with `loadTeamScope`.
 *
 * - `actor`  the caller's active membership (id, role, upline, own time zone);
 * - `team`   the team's settings the services need (currency, zone, week start, working days, logging window…);
 * - `today`  the team's today (server/clock.ts `teamToday`), read once so one request never straddles midnight.
 *   A member's own today (their zone) is `memberToday(scope.actor, scope.team)`.
 */
import type { DbClient } from "@/server/db-client";
import { teamToday } from "@/server/clock";
import type { IsoDate } from "@/server/domain/calendar";
import { loadTeamAccess, type ActorMembership, type TeamAccess } from "./load-team-access";

export type { ActorMembership } from "./load-team-access";
export type ScopeTeam = TeamAccess["team"];

export interface TeamScope {
  actor: ActorMembership;
  team: ScopeTeam;
  today: IsoDate;
}

export function teamScope(access: TeamAccess): TeamScope {
  return { actor: access.membership, team: access.team, today: teamToday(access.team) };
}

/** The scope of a signed-in user in a team; NOT_FOUND unless they are an active member. */
export async function loadTeamScope(
  db: DbClient,
  args: { teamId: string; userId: string; sessionVersion?: number; sid?: string },
): Promise<TeamScope> {
  return teamScope(await loadTeamAccess(db, args));
}
