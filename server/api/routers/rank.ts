/** The rank procedures; who may call each is on its line (server/api/policy/rank.ts). */
import { router, teamProcedure } from "@/server/api/trpc";
import { settingsProcedure } from "@/server/api/policy/metric";
import { rankSubjectProcedure } from "@/server/api/policy/rank";
import {
  ZPlanToRankInput,
  ZRankCardInput,
  ZRankProgressInput,
  ZRankRef,
  ZSaveRankInput,
  ZSaveRankPlanInput,
} from "@/server/schemas/rank";
import { deleteRank } from "@/server/services/rank/delete-rank";
import { getRankCard } from "@/server/services/rank/get-rank-card";
import { getRankProgress } from "@/server/services/rank/get-rank-progress";
import { listMyRankPlans } from "@/server/services/rank/list-rank-plans";
import { listRanks } from "@/server/services/rank/list-ranks";
import { planToRank } from "@/server/services/rank/plan-to-rank";
import { saveRank } from "@/server/services/rank/save-rank";
import { saveRankPlan } from "@/server/services/rank/save-rank-plan";

export const rankRouter = router({
  list: teamProcedure.query(({ ctx }) => listRanks(ctx.db, ctx.scope)),
  save: settingsProcedure.input(ZSaveRankInput).mutation(({ ctx, input }) => saveRank(ctx.db, ctx.scope, input)),
  delete: settingsProcedure.input(ZRankRef).mutation(({ ctx, input }) => deleteRank(ctx.db, ctx.scope, input)),
  progress: rankSubjectProcedure
    .input(ZRankProgressInput)
    .query(({ ctx }) => getRankProgress(ctx.db, ctx.scope, { subjectId: ctx.subjectId })),
  planToRank: teamProcedure.input(ZPlanToRankInput).query(({ ctx, input }) => planToRank(ctx.db, ctx.scope, input)),
  /** The rank report card of the caller or anyone in their branch (NOT_FOUND outside it). */
  card: rankSubjectProcedure
    .input(ZRankCardInput)
    .query(({ ctx, input }) => getRankCard(ctx.db, ctx.scope, { ...input, subjectId: ctx.subjectId })),
  /** "Save this as my plan": the caller's own rank plan and its goals. */
  savePlan: teamProcedure
    .input(ZSaveRankPlanInput)
    .mutation(({ ctx, input }) => saveRankPlan(ctx.db, ctx.scope, input)),
  myPlans: teamProcedure.query(({ ctx }) => listMyRankPlans(ctx.db, ctx.scope)),
});
