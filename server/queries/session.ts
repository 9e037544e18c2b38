/**
 * SQL of session revocation (server/auth/session-version.ts): the user's session version and whether this session
 * was signed out, in ONE primary-key read; and the sign-out itself. Round trip tested in session.integration.test.ts.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db, DbClient } from "@/server/db-client";
import { col, mappedRows, queryFirst } from "./decode";

export interface SessionStateRow {
  sessionVersion: number;
  /** This session (the JWT's `sid`) was signed out (a `RevokedSession` row). */
  revoked: boolean;
}

const sessionStateRows = mappedRows("session.state", (r): SessionStateRow => ({
  sessionVersion: col.int(r, "sessionVersion"),
  revoked: col.boolean(r, "revoked"),
}));

/**
 * The SQL boolean "session `sid` of the user `userId` was signed out" (false for a session without an id, issued
 * before sessions had one). For the queries that check a request's session (this module and server/queries/team.ts).
 */
export function sessionRevokedSql(userId: Prisma.Sql, sid: string | undefined): Prisma.Sql {
  if (!sid) return Prisma.sql`false`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r.sid = ${sid} AND r."userId" = ${userId})`;
}

/** The user's session version and whether the session `sid` was signed out; null when the user does not exist. */
export function readSessionState(
  db: DbClient,
  args: { userId: string; sid?: string },
): Promise<SessionStateRow | null> {
  return queryFirst(
    db,
    sessionStateRows,
    Prisma.sql`
    SELECT u."sessionVersion", ${sessionRevokedSql(Prisma.sql`u.id`, args.sid)} AS revoked
      FROM "User" u
     WHERE u.id = ${args.userId}`,
  );
}

/**
 * Records the sign-out of session `sid` until `expiresAt` (the token's expiry), and deletes the rows whose token has
 * expired by `now`: one transaction, two statements.
 */
export async function insertRevokedSession(
  db: Db,
  args: { sid: string; userId: string; expiresAt: Date; now: Date },
): Promise<void> {
  const { sid, userId, expiresAt, now } = args;
  await db.$transaction([
    db.$executeRaw`DELETE FROM "RevokedSession" WHERE "expiresAt" < ${now}`,
    db.$executeRaw`
    INSERT INTO "RevokedSession" (sid, "userId", "expiresAt", "createdAt") VALUES (${sid}, ${userId}, ${expiresAt}, ${now})
    ON CONFLICT (sid) DO NOTHING`,
  ]);
}
