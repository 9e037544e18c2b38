import { z } from "zod";
import { protectedProcedure, publicProcedure, router, teamProcedure } from "@/server/api/trpc";
import { ZCreateInviteInput, ZInviteToken, ZRevokeInviteInput } from "@/server/schemas/invite";
import { acceptInvite } from "@/server/services/invite/accept-invite";
import { createInvite } from "@/server/services/invite/create-invite";
import { listInvites } from "@/server/services/invite/list-invites";
import { previewInvite } from "@/server/services/invite/preview-invite";
import { revokeInvite } from "@/server/services/invite/revoke-invite";

const ZTokenInput = z.object({ token: ZInviteToken });

export const inviteRouter = router({
  create: teamProcedure
    .input(ZCreateInviteInput)
    .mutation(({ ctx, input }) => createInvite(ctx.db, { actor: ctx.membership, team: ctx.team, input })),
  list: teamProcedure.query(({ ctx }) => listInvites(ctx.db, { actor: ctx.membership })),
  revoke: teamProcedure
    .input(ZRevokeInviteInput)
    .mutation(({ ctx, input }) => revokeInvite(ctx.db, { actor: ctx.membership, inviteId: input.inviteId })),
  preview: publicProcedure
    .input(ZTokenInput)
    .query(({ ctx, input }) => previewInvite(ctx.db, { token: input.token, userId: ctx.user?.id })),
  accept: protectedProcedure
    .input(ZTokenInput)
    .mutation(({ ctx, input }) => acceptInvite(ctx.db, { token: input.token, userId: ctx.user.id })),
});
