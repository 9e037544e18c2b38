import { router, teamProcedure } from "@/server/api/trpc";
import { ZMemberTreeInput, ZMoveMemberInput, ZRemoveMemberInput, ZSetRoleInput } from "@/server/schemas/member";
import { getMemberTree } from "@/server/services/member/get-member-tree";
import { moveMember } from "@/server/services/member/move-member";
import { removeMember } from "@/server/services/member/remove-member";
import { setMemberRole } from "@/server/services/member/set-member-role";

export const memberRouter = router({
  tree: teamProcedure
    .input(ZMemberTreeInput)
    .query(({ ctx, input }) => getMemberTree(ctx.db, { actor: ctx.membership, rootId: input.rootId, depth: input.depth })),
  move: teamProcedure
    .input(ZMoveMemberInput)
    .mutation(({ ctx, input }) => moveMember(ctx.db, { actor: ctx.membership, input })),
  remove: teamProcedure
    .input(ZRemoveMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, { actor: ctx.membership, memberId: input.memberId })),
  setRole: teamProcedure
    .input(ZSetRoleInput)
    .mutation(({ ctx, input }) =>
      setMemberRole(ctx.db, { actor: ctx.membership, memberId: input.memberId, role: input.role }),
    ),
});
