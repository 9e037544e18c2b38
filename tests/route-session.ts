/**
 * Real sessions for the app/api route handlers' tests: a next-auth JWT cookie made with a test secret, read back by
 * the tRPC context's own reader (`readRequestUser`), as the routes read it in production.
 */
import { readRequestUser, sessionCookieName } from "@/server/auth/request-user";
import type { SessionUser } from "@/server/auth/session-user";
import { encodeSessionToken } from "@/server/auth/session-token";
import type { DbClient } from "@/server/db-client";

export const ROUTE_TEST_SECRET = "route-test-secret-route-test-secret-route";

export interface SessionPerson {
  id: string;
  email: string;
  name: string;
}

/** The user of a membership, as a session names them. */
export const personOf = (db: DbClient, membershipId: string): Promise<SessionPerson> =>
  db.membership
    .findUniqueOrThrow({
      where: { id: membershipId },
      select: { user: { select: { id: true, email: true, name: true } } },
    })
    .then((m) => m.user);

/** The session cookie of `user` (`sv`: session version, `sid`: the session's id), signed with `secret`. */
export async function sessionCookieFor(
  user: SessionPerson,
  claims: { sv?: number; sid?: string } = {},
  secret = ROUTE_TEST_SECRET,
): Promise<string> {
  const token = await encodeSessionToken({
    token: { sub: user.id, email: user.email, name: user.name, ...claims },
    secret,
  });
  return `${sessionCookieName(false)}=${token}`;
}

/** The routes' `getUser` dependency, reading cookies signed with `secret`. */
export const testUserReader =
  (secret = ROUTE_TEST_SECRET) =>
  (req: Request, resHeaders: Headers): Promise<SessionUser | null> =>
    readRequestUser(req, { secret, secureCookie: false }, resHeaders);
