/**
 * Who may invite, and who may revoke a link. The owner and leaders invite under anyone they can see, leaders
 * included; a member invites plain members under themselves, when the team allows it. A link is revoked by its
 * creator or the owner (anyone else's is NOT_FOUND).
 */
import { z } from "zod";
import { protectedProcedure, teamProcedure } from "@/server/api/trpc";
import { AppError, notFound } from "@/server/errors";
import { ZId } from "@/server/schemas/common";
import { ZCreateInviteInput, ZRevokeInviteInput } from "@/server/schemas/invite";
import { findRevocableInvite } from "@/server/services/invite/revoke-invite";
import { assertCanView } from "@/server/services/team/permissions";
import type { TeamScope } from "@/server/services/team/scope";
import type { DbClient } from "@/server/db-client";

/** The invite rule (also for sponsoring a person from the names list, server/api/policy/person-invite.ts). */
export async function assertMayInvite(
  db: DbClient,
  scope: Pick<TeamScope, "actor" | "team">,
  invite: { parentId: string; role: "LEADER" | "MEMBER" },
) {
  const { actor, team } = scope;
  if (actor.role === "MEMBER") {
    if (!team.membersCanInvite) throw new AppError("FORBIDDEN", "In this team only leaders can invite people.");
    if (invite.parentId !== actor.id)
      throw new AppError("FORBIDDEN", "You can invite people under yourself only.", { field: "parentId" });
    if (invite.role !== "MEMBER")
      throw new AppError("FORBIDDEN", "Only leaders can invite leaders.", { field: "role" });
  }
  await assertCanView(db, actor, invite.parentId);
}

export const inviteCreateProcedure = teamProcedure.input(ZCreateInviteInput).use(async ({ ctx, input, next }) => {
  await assertMayInvite(ctx.db, ctx.scope, { parentId: input.parentId ?? ctx.scope.actor.id, role: input.role });
  return next();
});

/** An invite the caller created (the owner: any of the team's); `ctx.invite` is the invite. */
export const inviteRevokeProcedure = teamProcedure
  .input(ZRevokeInviteInput)
  .use(async ({ ctx, input, next }) =>
    next({ ctx: { invite: await findRevocableInvite(ctx.db, ctx.scope, input.inviteId) } }),
  );

/**
 * An invitation bound to the signed-in person's address (`ctx.invitation`); anyone else's is NOT_FOUND (no hint that
 * it exists). Accepting it still needs a verified address (server/services/invite/accept-invite.ts).
 */
export const invitationProcedure = protectedProcedure
  .input(z.object({ inviteId: ZId }))
  .use(async ({ ctx, input, next }) => {
    const invitation = await ctx.db.invite.findFirst({
      where: { id: input.inviteId, email: ctx.user.email },
      select: { id: true, email: true },
    });
    if (!invitation?.email) throw notFound("Invitation");
    return next({ ctx: { invitation: { id: invitation.id, email: invitation.email } } });
  });
