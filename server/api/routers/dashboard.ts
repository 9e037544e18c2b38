import { router, teamProcedure } from "@/server/api/trpc";
import { ZRollupInput } from "@/server/schemas/dashboard";
import { getRollup } from "@/server/services/dashboard/get-rollup";
import { listDashboardGoals } from "@/server/services/dashboard/list-dashboard-goals";

export const dashboardRouter = router({
  goals: teamProcedure.query(({ ctx }) => listDashboardGoals(ctx.db, { teamId: ctx.team.id })),
  rollup: teamProcedure
    .input(ZRollupInput)
    .query(({ ctx, input }) => getRollup(ctx.db, { actor: ctx.membership, team: ctx.team, ...input })),
});
