/** The rank procedures; who may call each is on its line (server/api/policy/rank.ts). */
import { router, teamProcedure } from "@/server/api/trpc";
import { settingsProcedure } from "@/server/api/policy/metric";
import { rankSubjectProcedure } from "@/server/api/policy/rank";
import { ZPlanToRankInput, ZRankProgressInput, ZRankRef, ZSaveRankInput } from "@/server/schemas/rank";
import { deleteRank } from "@/server/services/rank/delete-rank";
import { getRankProgress } from "@/server/services/rank/get-rank-progress";
import { listRanks } from "@/server/services/rank/list-ranks";
import { planToRank } from "@/server/services/rank/plan-to-rank";
import { saveRank } from "@/server/services/rank/save-rank";

export const rankRouter = router({
  list: teamProcedure.query(({ ctx }) => listRanks(ctx.db, ctx.scope)),
  save: settingsProcedure.input(ZSaveRankInput).mutation(({ ctx, input }) => saveRank(ctx.db, ctx.scope, input)),
  delete: settingsProcedure.input(ZRankRef).mutation(({ ctx, input }) => deleteRank(ctx.db, ctx.scope, input)),
  progress: rankSubjectProcedure
    .input(ZRankProgressInput)
    .query(({ ctx }) => getRankProgress(ctx.db, ctx.scope, { subjectId: ctx.subjectId })),
  planToRank: teamProcedure.input(ZPlanToRankInput).query(({ ctx, input }) => planToRank(ctx.db, ctx.scope, input)),
});
