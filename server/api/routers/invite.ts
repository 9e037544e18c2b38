/** Invite links: who may create and revoke them is declared in server/api/policy/invite.ts. */
import { z } from "zod";
import { invitationProcedure, inviteCreateProcedure, inviteRevokeProcedure } from "@/server/api/policy/invite";
import { protectedProcedure, publicProcedure, router, teamProcedure } from "@/server/api/trpc";
import { ZInviteToken } from "@/server/schemas/invite";
import { acceptInvitation, acceptInvite, declineInvitation } from "@/server/services/invite/accept-invite";
import { createInvite } from "@/server/services/invite/create-invite";
import { listInvites } from "@/server/services/invite/list-invites";
import { listMyInvitations } from "@/server/services/invite/list-my-invitations";
import { previewInvite } from "@/server/services/invite/preview-invite";
import { revokeInvite } from "@/server/services/invite/revoke-invite";

const ZTokenInput = z.object({ token: ZInviteToken });

export const inviteRouter = router({
  create: inviteCreateProcedure.mutation(({ ctx, input }) => createInvite(ctx.db, ctx.scope, input)),
  list: teamProcedure.query(({ ctx }) => listInvites(ctx.db, ctx.scope)),
  revoke: inviteRevokeProcedure.mutation(({ ctx }) => revokeInvite(ctx.db, ctx.scope, ctx.invite)),
  /** Before joining: anyone holding the link (signed in or not). */
  preview: publicProcedure
    .input(ZTokenInput)
    .query(({ ctx, input }) => previewInvite(ctx.db, { token: input.token, userId: ctx.user?.id })),
  /** Joining: any signed-in user holding a valid link (no team yet, so no scope). */
  accept: protectedProcedure
    .input(ZTokenInput)
    .mutation(({ ctx, input }) => acceptInvite(ctx.db, { token: input.token, userId: ctx.user.id })),
  /** Invitations to the signed-in person's address (imports): pending ones, to accept or decline. */
  mine: protectedProcedure.query(({ ctx }) => listMyInvitations(ctx.db, ctx.user)),
  acceptInvitation: invitationProcedure.mutation(({ ctx }) =>
    acceptInvitation(ctx.db, { inviteId: ctx.invitation.id, email: ctx.invitation.email, userId: ctx.user.id }),
  ),
  declineInvitation: invitationProcedure.mutation(({ ctx }) =>
    declineInvitation(ctx.db, { inviteId: ctx.invitation.id, email: ctx.invitation.email }),
  ),
});
