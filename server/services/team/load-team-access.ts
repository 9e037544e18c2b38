/**
 * Loads the caller's active membership in a team, once per request (used by `teamProcedure`, through
 * `loadTeamScope` in ./scope.ts). A user who is not an active member gets NOT_FOUND: a team you are not in does not
 * exist for you. ONE query (membership joined with its team, server/queries/team.ts): it runs before every team
 * procedure, so a second round trip for the team would cost every request (docs/PERFORMANCE.md).
 */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import type { Role } from "@/generated/prisma/enums";
import { readTeamAccess, type TeamAccessRow } from "@/server/queries/team";
import { sessionEnded } from "@/server/auth/session-version";

export interface ActorMembership {
  id: string;
  teamId: string;
  userId: string;
  parentId: string | null;
  role: Role;
  /**
   * The member's own IANA time zone; null = the team's (server/clock.ts `memberTimeZone`). `loadTeamAccess` loads
   * it with the access check, so logging needs no extra read; absent when a caller built the actor another way.
   */
  timeZone?: string | null;
  /**
   * Upline powers over their own branch (set goals for it, decide its proposals, run its weekly review): the owner, a
   * leader, or — roles follow the tree — any sponsor with a downline where the team lets sponsors lead. Loaded with
   * the access check (`leadsBranch` in server/queries/team.ts); the rule is `leadsBranch()` in ./permissions.ts.
   */
  leadsBranch: boolean;
}

export interface TeamAccess {
  membership: ActorMembership;
  /** The team's settings, the Log's included (logging window, upline edits), so logging needs no second read. */
  team: TeamAccessRow["team"];
}

/**
 * `sessionVersion` and `sid` (a request's session): the same query reads the user's current version and whether this
 * session was signed out, and an older or signed-out session is UNAUTHORIZED (server/auth/session-version.ts) —
 * revocation costs the logging path no extra query.
 */
export async function loadTeamAccess(
  db: DbClient,
  args: { teamId: string; userId: string; sessionVersion?: number; sid?: string },
): Promise<TeamAccess> {
  const row = await readTeamAccess(db, args);
  if (row?.sessionRevoked) throw sessionEnded();
  if (args.sessionVersion !== undefined && row && row.sessionVersion !== args.sessionVersion) throw sessionEnded();
  if (!row) throw notFound("Team");
  return { membership: row.membership, team: row.team };
}
