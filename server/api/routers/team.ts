import { protectedProcedure, router, teamProcedure } from "@/server/api/trpc";
import { ZCreateTeamInput } from "@/server/schemas/team";
import { createTeam } from "@/server/services/team/create-team";
import { listMyTeams } from "@/server/services/team/list-my-teams";

export const teamRouter = router({
  list: protectedProcedure.query(({ ctx }) => listMyTeams(ctx.db, { userId: ctx.user.id })),
  create: protectedProcedure
    .input(ZCreateTeamInput)
    .mutation(({ ctx, input }) => createTeam(ctx.db, { userId: ctx.user.id, input })),
  get: teamProcedure.query(({ ctx }) => ({ ...ctx.scope.team, me: ctx.scope.actor })),
});
