/**
 * Session revocation. Every session (JWT) carries the user's `sessionVersion` at sign-in (`sv`); bumping the
 * column — sign out everywhere, a password change or reset, a magic-link sign-in taking over an unverified account —
 * ends every older session. Where it is checked, at no extra query on the logging path:
 *
 * - team procedures: in the team-access query that runs for every one of them anyway (server/queries/team.ts);
 * - other signed-in procedures (`protectedProcedure`): one primary-key read (`assertSessionCurrent`);
 * - pages and next-auth's session endpoint: the `jwt` callback of server/auth.ts (`isSessionCurrent`), which
 *   clears the cookie of a revoked session.
 */
import type { DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { SessionUser } from "./session-user";

export const SESSION_ENDED = "Your session has ended. Please sign in again.";

export const sessionEnded = () => new AppError("UNAUTHORIZED", SESSION_ENDED);

export async function isSessionCurrent(db: DbClient, user: { id: string; sessionVersion?: number }) {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
  return row !== null && row.sessionVersion === (user.sessionVersion ?? 0);
}

export async function assertSessionCurrent(db: DbClient, user: SessionUser): Promise<void> {
  if (!(await isSessionCurrent(db, user))) throw sessionEnded();
}
