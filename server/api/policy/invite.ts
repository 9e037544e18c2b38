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

export const inviteCreateProcedure = teamProcedure.input(ZCreateInviteInput).use(async ({ ctx, input, next }) => {
  const { actor, team } = ctx.scope;
  const parentId = input.parentId ?? actor.id;
  if (actor.role === "MEMBER") {
    if (!team.membersCanInvite) throw new AppError("FORBIDDEN", "In this team only leaders can invite people.");
    if (parentId !== actor.id)
      throw new AppError("FORBIDDEN", "You can invite people under yourself only.", { field: "parentId" });
    if (input.role !== "MEMBER") throw new AppError("FORBIDDEN", "Only leaders can invite leaders.", { field: "role" });
  }
  await assertCanView(ctx.db, actor, parentId);
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
