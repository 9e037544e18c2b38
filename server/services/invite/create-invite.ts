/**
 * Creates an invite link. People who join through it land directly under `parentId` (default: the inviter).
 * The owner and leaders may pick anyone in their own subtree and invite leaders; members may invite people
 * under themselves when the team allows it. The raw token is returned once and never stored.
 */
import type { DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { recordEvent } from "@/server/services/audit/record-event";
import type { ActorMembership, TeamAccess } from "@/server/services/team/load-team-access";
import { assertCanView } from "@/server/services/team/permissions";
import type { TCreateInviteInput } from "@/server/schemas/invite";
import { newInviteToken } from "./invite-token";
import * as clock from "@/server/clock";

const DAY_MS = 86_400_000;

export async function createInvite(
  db: DbClient,
  args: { actor: ActorMembership; team: TeamAccess["team"]; input: TCreateInviteInput; now?: Date },
) {
  const { actor, team, input } = args;
  const parentId = input.parentId ?? actor.id;
  if (actor.role === "MEMBER") {
    if (!team.membersCanInvite) throw new AppError("FORBIDDEN", "In this team only leaders can invite people.");
    if (parentId !== actor.id) throw new AppError("FORBIDDEN", "You can invite people under yourself only.", { field: "parentId" });
    if (input.role !== "MEMBER") throw new AppError("FORBIDDEN", "Only leaders can invite leaders.", { field: "role" });
  }
  await assertCanView(db, actor, parentId);

  const now = args.now ?? clock.now();
  const { token, tokenHash } = newInviteToken();
  const invite = await db.invite.create({
    data: {
      teamId: actor.teamId,
      tokenHash,
      createdById: actor.id,
      parentId,
      role: input.role,
      maxUses: input.maxUses,
      expiresAt: input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS),
    },
    select: { id: true, parentId: true, role: true, maxUses: true, expiresAt: true },
  });
  await recordEvent(db, { teamId: actor.teamId, actorId: actor.id, action: "invite.created", subjectId: invite.id });
  return { ...invite, token, path: `/join/${token}` };
}
