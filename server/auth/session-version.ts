/**
 * Session revocation. Every session (JWT) carries the user's `sessionVersion` at sign-in (`sv`); bumping the
 * column — sign out everywhere, a password change or reset, a magic-link sign-in taking over an unverified account —
 * ends every older session. A plain sign-out ends that session only: every session carries a random id (`sid`), and
 * next-auth's `signOut` event records it in `RevokedSession` until the token would have expired
 * (`revokeSession`). Both are checked together, at no extra query on the logging path:
 *
 * - team procedures: in the team-access query that runs for every one of them anyway (server/queries/team.ts);
 * - other signed-in procedures (`protectedProcedure`): one primary-key read (`assertSessionCurrent`);
 * - pages and next-auth's session endpoint: the `jwt` callback of server/auth.ts (`isSessionCurrent`), which
 *   clears the cookie of a revoked session.
 */
import type { DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/db-client";
import * as clock from "@/server/clock";
import { insertRevokedSession, readSessionState } from "@/server/queries/session";
import { SESSION_MAX_AGE } from "./request-user";
import type { SessionUser } from "./session-user";

export const SESSION_ENDED = "Your session has ended. Please sign in again.";

export const sessionEnded = () => new AppError("UNAUTHORIZED", SESSION_ENDED);

/** One primary-key read: the user exists, the session version is current and this session was not signed out. */
export async function isSessionCurrent(db: DbClient, user: { id: string; sessionVersion?: number; sid?: string }) {
  const row = await readSessionState(db, { userId: user.id, sid: user.sid });
  return row !== null && !row.revoked && row.sessionVersion === (user.sessionVersion ?? 0);
}

export async function assertSessionCurrent(db: DbClient, user: SessionUser): Promise<void> {
  if (!(await isSessionCurrent(db, user))) throw sessionEnded();
}

/**
 * Ends one session (a plain sign-out; next-auth's `signOut` event hands over its decoded JWT): its `sid` is refused
 * from now until `expiresAt` (the token's expiry), after which the token is refused anyway. Rows of expired tokens
 * are deleted in the same transaction. A token without a `sid` or a user records nothing.
 */
export async function revokeSession(
  db: Db,
  token: { sub?: unknown; sid?: unknown; exp?: unknown } | null | undefined,
): Promise<void> {
  if (!token || typeof token.sid !== "string" || !token.sid || typeof token.sub !== "string" || !token.sub) return;
  const now = clock.now();
  const expiresAt =
    typeof token.exp === "number" ? new Date(token.exp * 1000) : new Date(now.getTime() + SESSION_MAX_AGE * 1000);
  await insertRevokedSession(db, { sid: token.sid, userId: token.sub, expiresAt, now });
}
