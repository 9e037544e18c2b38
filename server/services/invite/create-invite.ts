/**
 * Creates an invite link (`inviteCreateProcedure` says who may). People who join through it land directly under
 * `parentId` (default: the inviter). The raw token is returned once and never stored.
 */
import type { DbClient } from "@/server/db-client";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import type { TCreateInviteInput } from "@/server/schemas/invite";
import { newInviteToken } from "./invite-token";
import * as clock from "@/server/clock";

const DAY_MS = 86_400_000;

export async function createInvite(db: DbClient, scope: TeamScope, input: TCreateInviteInput) {
  const { actor } = scope;
  const now = clock.now();
  const { token, tokenHash } = newInviteToken();
  const invite = await db.invite.create({
    data: {
      teamId: scope.team.id,
      tokenHash,
      createdById: actor.id,
      parentId: input.parentId ?? actor.id,
      role: input.role,
      maxUses: input.maxUses,
      expiresAt: input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS),
      // Stamped by the app's clock, like the removal it is compared with (accept-invite.ts).
      createdAt: now,
    },
    select: { id: true, parentId: true, role: true, maxUses: true, expiresAt: true },
  });
  await recordActorEvent(db, actor, { action: "invite.created", subjectId: invite.id });
  return { ...invite, token, path: `/join/${token}` };
}
