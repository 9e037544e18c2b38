/**
 * Imported invitations that wait for another (a file that imports a tree: Sam's upline is Ana, a row of the same file,
 * so Sam's invitation waits for Ana's; `Invite.afterInviteId`). When the invitation they wait for is settled, they
 * open: accepted → they land under whoever accepted it; declined or revoked → they land where it would have. Each
 * opened invitation gets a fresh token (only hashes are stored, so the link is made now), a fresh expiry and its
 * email, sent after the transaction commits (`sendReleasedInvitations`). Invitations waiting for these stay waiting:
 * the tree opens one level at a time, as people accept. One read, then one update per opened invitation (each
 * has its own token hash): the direct downline of one person in a file.
 */
import type { DbClient } from "@/server/db-client";
import { IMPORT_INVITATION_DAYS } from "./invitation-days";
import { sendInvitationEmail } from "./invitation-mail";
import { newInviteToken } from "./invite-token";

const DAY_MS = 86_400_000;

export interface ReleasedInvitation {
  to: string;
  token: string;
  teamName: string;
}

export async function releaseWaitingInvites(
  tx: DbClient,
  args: { inviteId: string; landingParentId: string; now: Date },
): Promise<ReleasedInvitation[]> {
  const waiting = await tx.invite.findMany({
    where: { afterInviteId: args.inviteId, revokedAt: null, declinedAt: null },
    select: { id: true, email: true, team: { select: { name: true } } },
  });
  if (waiting.length === 0) return [];
  const expiresAt = new Date(args.now.getTime() + IMPORT_INVITATION_DAYS * DAY_MS);
  const released: ReleasedInvitation[] = [];
  const opened = waiting.map((w) => ({ ...w, ...newInviteToken() }));
  for (const w of opened) {
    await tx.invite.update({
      where: { id: w.id },
      data: { tokenHash: w.tokenHash, parentId: args.landingParentId, afterInviteId: null, expiresAt },
    });
  }
  for (const w of opened) if (w.email) released.push({ to: w.email, token: w.token, teamName: w.team.name });
  return released;
}

/** The emails of invitations opened inside a transaction, once it has committed (a mail never holds a lock). */
export async function sendReleasedInvitations(db: DbClient, released: readonly ReleasedInvitation[]): Promise<void> {
  for (const r of released) await sendInvitationEmail(db, r);
}
