/**
 * Invite links the actor created (the owner: all of the team's), newest first, with their state. Open to every
 * member: the rows are filtered by who made them.
 */
import type { DbClient } from "@/server/db-client";
import type { TeamScope } from "@/server/services/team/scope";
import { inviteProblem } from "./preview-invite";
import * as clock from "@/server/clock";

export async function listInvites(db: DbClient, scope: TeamScope) {
  const { actor } = scope;
  const now = clock.now();
  const invites = await db.invite.findMany({
    where: { teamId: scope.team.id, ...(actor.role === "OWNER" ? {} : { createdById: actor.id }) },
    select: {
      id: true,
      role: true,
      maxUses: true,
      uses: true,
      expiresAt: true,
      revokedAt: true,
      declinedAt: true,
      afterInviteId: true,
      email: true,
      createdAt: true,
      parent: { select: { id: true, status: true, user: { select: { name: true } } } },
    },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return invites.map((i) => ({
    id: i.id,
    role: i.role,
    maxUses: i.maxUses,
    uses: i.uses,
    expiresAt: i.expiresAt,
    createdAt: i.createdAt,
    /** An invitation for one address (from an import): the address the inviter typed; null for a link. */
    email: i.email,
    landsUnder: { id: i.parent.id, name: i.parent.user.name },
    state: inviteProblem(i, now) ?? "active",
  }));
}
