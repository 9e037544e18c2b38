import { router, teamProcedure } from "@/server/api/trpc";
import { ZPlanToRankInput, ZRankProgressInput, ZRankRef, ZSaveRankInput } from "@/server/schemas/rank";
import { deleteRank } from "@/server/services/rank/delete-rank";
import { getRankProgress } from "@/server/services/rank/get-rank-progress";
import { listRanks } from "@/server/services/rank/list-ranks";
import { planToRank } from "@/server/services/rank/plan-to-rank";
import { saveRank } from "@/server/services/rank/save-rank";
import { teamToday } from "@/server/clock";

export const rankRouter = router({
  list: teamProcedure.query(({ ctx }) => listRanks(ctx.db, { teamId: ctx.team.id })),
  save: teamProcedure.input(ZSaveRankInput).mutation(({ ctx, input }) => saveRank(ctx.db, { actor: ctx.membership, input })),
  delete: teamProcedure
    .input(ZRankRef)
    .mutation(({ ctx, input }) => deleteRank(ctx.db, { actor: ctx.membership, rankId: input.rankId })),
  progress: teamProcedure.input(ZRankProgressInput).query(({ ctx, input }) =>
    getRankProgress(ctx.db, { actor: ctx.membership, membershipId: input.membershipId, asOf: teamToday(ctx.team) }),
  ),
  planToRank: teamProcedure
    .input(ZPlanToRankInput)
    .query(({ ctx, input }) => planToRank(ctx.db, { actor: ctx.membership, input, asOf: teamToday(ctx.team) })),
});
