/** tRPC callers for integration tests: the real router, context and middlewares, no HTTP. */
import { TRPCError } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/session-user";
import type { Db } from "@/server/db-client";

/**
 * `user.sessionVersion`: the session's (absent = 0, as a session issued before any revocation); `user.sid`: the
 * session's id (absent = a session issued before sessions had one, never signed out on its own).
 */
export function callerFor(db: Db, user: SessionUser | null) {
  return createCaller({ db, user });
}

/** A caller for the user behind a membership. */
export async function callerForMember(db: Db, membershipId: string) {
  const m = await db.membership.findUniqueOrThrow({
    where: { id: membershipId },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  return callerFor(db, m.user);
}

/** How a call ends: "ok", or the tRPC error's code (anything else as text). */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}
