/**
 * Who is calling a team's endpoint: the one home of the rules `teamProcedure` (server/api/trpc.ts) and the Log's
 * write route (app/api/log) both apply, so the two entry points can never drift apart.
 *
 * - `signedIn`           no session → UNAUTHORIZED "Please sign in.";
 * - `resolveTeamCaller`  the caller's scope in the team (`loadTeamScope`): a non-member — or a removed one — is
 *                        NOT_FOUND, and a revoked session (an older session version, or a signed-out `sid`) is
 *                        UNAUTHORIZED, checked inside the one team-access query (server/queries/team.ts).
 */
import { z } from "zod";
import type { SessionUser } from "@/server/auth/session-user";
import type { DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { ZId } from "@/server/schemas/common";
import { loadTeamScope, type TeamScope } from "@/server/services/team/scope";

/** A team id (ZId: a NUL byte or any other odd character is a 400 here, never a database error). */
export const ZTeamInput = z.object({ teamId: ZId });

export const SIGN_IN_MESSAGE = "Please sign in.";

/** The session's user, or UNAUTHORIZED. Whether the session was revoked is checked with the team (below). */
export function signedIn(user: SessionUser | null): SessionUser {
  if (!user) throw new AppError("UNAUTHORIZED", SIGN_IN_MESSAGE);
  return user;
}

/** The caller's scope in `teamId`: NOT_FOUND unless an active member, UNAUTHORIZED for a revoked session. */
export function resolveTeamCaller(db: DbClient, user: SessionUser, teamId: string): Promise<TeamScope> {
  return loadTeamScope(db, { teamId, userId: user.id, sessionVersion: user.sessionVersion ?? 0, sid: user.sid });
}
