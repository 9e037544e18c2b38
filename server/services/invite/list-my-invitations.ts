/**
 * The signed-in person's pending invitations (bound to their address, e.g. from a leader's import): the team, who
 * they would join under, when it expires. Teams they are already in are left out, and so are invitations still
 * waiting for their upline's (server/services/invite/release-waiting-invites.ts). Accepted or declined on the teams
 * page (`invite.acceptInvitation`, `invite.declineInvitation`).
 */
import type { DbClient } from "@/server/db-client";
import type { SessionUser } from "@/server/auth/session-user";
import { inviteProblem } from "./preview-invite";
import * as clock from "@/server/clock";

export async function listMyInvitations(db: DbClient, user: SessionUser) {
  const now = clock.now();
  const invites = await db.invite.findMany({
    where: {
      email: user.email,
      revokedAt: null,
      declinedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      team: { memberships: { none: { userId: user.id, status: "ACTIVE" } } },
    },
    select: {
      id: true,
      maxUses: true,
      uses: true,
      expiresAt: true,
      revokedAt: true,
      declinedAt: true,
      afterInviteId: true,
      createdAt: true,
      team: { select: { name: true } },
      parent: { select: { status: true, user: { select: { name: true } } } },
    },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return invites
    .filter((i) => inviteProblem(i, now) === null)
    .map((i) => ({
      id: i.id,
      teamName: i.team.name,
      inviterName: i.parent.user.name,
      expiresAt: i.expiresAt,
      createdAt: i.createdAt,
    }));
}
