/**
 * Who reads a names list, and the person a procedure acts on (issue 18). The rule itself is `personAccess` in
 * server/services/team/permissions.ts; this file loads what it needs.
 *
 * - `loadListReader`: the caller's membership in the team whose list they read. An active member (the full team
 *   scope) — or a member removed from the team, who keeps reading (and exporting) their own list and nothing else.
 *   Anyone else: NOT_FOUND, as for every team procedure.
 * - `findPersonFor`: the person, if the reader may read it ("read") or change it ("edit"); NOT_FOUND before
 *   FORBIDDEN: a person the reader may not see is NOT_FOUND, a shared one they only read is FORBIDDEN to change.
 */
import type { DbClient } from "@/server/db-client";
import { AppError, forbidden, notFound } from "@/server/errors";
import { assertSessionCurrent } from "@/server/auth/session-version";
import type { SessionUser } from "@/server/auth/session-user";
import { personAccess, type PersonAccess } from "@/server/services/team/permissions";
import { loadTeamScope, type ActorMembership, type TeamScope } from "@/server/services/team/scope";

export interface ListReader {
  teamId: string;
  /** Whose list: the caller's membership (active or removed). */
  membershipId: string;
  /** The active member's scope; null for a removed member (they read their own list, nothing else). */
  scope: TeamScope | null;
  actor: ActorMembership | null;
}

export async function loadListReader(db: DbClient, user: SessionUser, teamId: string): Promise<ListReader> {
  try {
    const scope = await loadTeamScope(db, {
      teamId,
      userId: user.id,
      sessionVersion: user.sessionVersion ?? 0,
      sid: user.sid,
    });
    return { teamId, membershipId: scope.actor.id, scope, actor: scope.actor };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "NOT_FOUND") throw error;
  }
  await assertSessionCurrent(db, user);
  const removed = await db.membership.findFirst({
    where: { teamId, userId: user.id, status: "REMOVED" },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (!removed) throw notFound("Team");
  return { teamId, membershipId: removed.id, scope: null, actor: null };
}

const PERSON_SELECT = {
  id: true,
  teamId: true,
  membershipId: true,
  sharedWithUpline: true,
  archivedAt: true,
} as const;
export type PersonRef = {
  id: string;
  teamId: string;
  membershipId: string;
  sharedWithUpline: boolean;
  archivedAt: Date | null;
};

export async function findPersonFor(
  db: DbClient,
  reader: Pick<ListReader, "teamId" | "membershipId" | "actor">,
  personId: string,
  need: Exclude<PersonAccess, null>,
): Promise<PersonRef & { access: Exclude<PersonAccess, null> }> {
  const person = await db.person.findFirst({ where: { id: personId, teamId: reader.teamId }, select: PERSON_SELECT });
  const access = person ? await personAccess(db, reader, person) : null;
  if (!person || !access) throw notFound("Person");
  if (need === "edit" && access !== "edit")
    throw forbidden("Only the member whose list this is can change this person.");
  return { ...person, access };
}
