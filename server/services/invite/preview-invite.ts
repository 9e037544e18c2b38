/**
 * What someone holding an invite link may see before joining: the team's name, who they will join under,
 * and whether the link still works (and if not, why, in words).
 */
import type { DbClient } from "@/server/db-client";
import { hashInviteToken } from "./invite-token";
import * as clock from "@/server/clock";

export type InviteProblem = "not_found" | "waiting" | "revoked" | "declined" | "expired" | "used_up" | "upline_gone";

export const INVITE_PROBLEM_MESSAGES: Record<InviteProblem, string> = {
  not_found: "This invite link is not valid. Ask for a new one.",
  waiting: "This invitation opens once your upline has joined the team: we will email you then.",
  revoked: "This invite link was revoked. Ask for a new one.",
  declined: "This invitation was declined. Ask for a new one.",
  expired: "This invite link has expired. Ask for a new one.",
  used_up: "This invite link has already been used. Ask for a new one.",
  upline_gone: "The person who invited you is no longer in the team. Ask for a new link.",
};

export const inviteForJoinSelect = {
  id: true,
  teamId: true,
  parentId: true,
  role: true,
  maxUses: true,
  uses: true,
  expiresAt: true,
  revokedAt: true,
  declinedAt: true,
  email: true,
  createdAt: true,
  afterInviteId: true,
  personId: true,
  team: { select: { id: true, slug: true, name: true } },
  parent: { select: { status: true, user: { select: { name: true } } } },
} as const;

type InviteForJoin = {
  maxUses: number | null;
  uses: number;
  expiresAt: Date | null;
  revokedAt: Date | null;
  declinedAt?: Date | null;
  afterInviteId?: string | null;
  parent: { status: string };
};

export function inviteProblem(invite: InviteForJoin | null, now: Date): InviteProblem | null {
  if (!invite) return "not_found";
  if (invite.afterInviteId) return "waiting";
  if (invite.revokedAt) return "revoked";
  if (invite.declinedAt) return "declined";
  if (invite.expiresAt && invite.expiresAt <= now) return "expired";
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return "used_up";
  if (invite.parent.status !== "ACTIVE") return "upline_gone";
  return null;
}

export async function previewInvite(db: DbClient, args: { token: string; userId?: string; now?: Date }) {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(args.token) },
    select: inviteForJoinSelect,
  });
  const problem = inviteProblem(invite, args.now ?? clock.now());
  const alreadyMember =
    invite && args.userId
      ? (await db.membership.count({ where: { teamId: invite.teamId, userId: args.userId, status: "ACTIVE" } })) > 0
      : false;
  // An invitation bound to an address is for the account of that address only (the address itself is not shown).
  const forAnotherEmail =
    invite?.email && args.userId
      ? (await db.user.count({ where: { id: args.userId, email: invite.email } })) === 0
      : false;
  if (!invite || (problem && !alreadyMember)) {
    return {
      ok: false as const,
      problem: problem ?? "not_found",
      message: INVITE_PROBLEM_MESSAGES[problem ?? "not_found"],
    };
  }
  return {
    ok: true as const,
    team: { name: invite.team.name, slug: invite.team.slug },
    inviterName: invite.parent.user.name,
    alreadyMember,
    forAnotherEmail,
  };
}
