/**
 * The dashboard procedures. Who may call each is on its line; every procedure that takes a goal checks it with the
 * one goal rule (`goalPlanProcedure("view")`, server/api/policy/goal.ts): what goal.get answers NOT_FOUND to, the
 * dashboard does too. The reads run on the streaming replica when one is configured (`.use(replicaReads)`, after the
 * checks, which read the primary; docs/SCALING.md); the two mutations write the primary.
 */
import { z } from "zod";
import { goalPlanProcedure } from "@/server/api/policy/goal";
import {
  goalSubtreeProcedure,
  leaderboardSettingsProcedure,
  subtreeProcedure,
  victoryProcedure,
} from "@/server/api/policy/dashboard";
import { replicaReads, router, teamProcedure } from "@/server/api/trpc";
import {
  ZCheerInput,
  ZExportCsvInput,
  ZGoalInput,
  ZLeaderboardInput,
  ZBranchSearchInput,
  ZRollupInput,
  ZVictoryFeedInput,
} from "@/server/schemas/dashboard";
import { cheerVictory } from "@/server/services/dashboard/cheer-victory";
import { exportGoalCsv } from "@/server/services/dashboard/export-goal-csv";
import { getDashboardCharts } from "@/server/services/dashboard/get-dashboard-charts";
import { getLeaderboard } from "@/server/services/dashboard/get-leaderboard";
import { listDashboardGoals } from "@/server/services/dashboard/list-dashboard-goals";
import { listVictories } from "@/server/services/dashboard/list-victories";
import { setLeaderboardEnabled } from "@/server/services/dashboard/set-leaderboard-enabled";
import { getBranchView, getWholeRollup, searchGoalBranch } from "@/server/services/progress/get-branch-view";

export const dashboardRouter = router({
  goals: teamProcedure.use(replicaReads).query(({ ctx }) => listDashboardGoals(ctx.db, ctx.scope)),
  rollup: goalSubtreeProcedure("view")
    .use(replicaReads)
    .input(ZRollupInput)
    .query(({ ctx, input }) =>
      getWholeRollup(ctx.db, ctx.scope, { goal: ctx.goalPlan, rootId: ctx.rootId, period: input.period }),
    ),
  /** The first view of a branch: its root, direct downline and furthest behind (all rows only for a small branch). */
  view: goalSubtreeProcedure("view")
    .use(replicaReads)
    .input(ZRollupInput)
    .query(({ ctx, input }) =>
      getBranchView(ctx.db, ctx.scope, { goal: ctx.goalPlan, rootId: ctx.rootId, period: input.period }),
    ),
  /** Members of the viewed branch by name (never beyond it), with the path to each. */
  search: goalSubtreeProcedure("view")
    .use(replicaReads)
    .input(ZBranchSearchInput)
    .query(({ ctx, input }) =>
      searchGoalBranch(ctx.db, ctx.scope, {
        goal: ctx.goalPlan,
        rootId: ctx.rootId,
        period: input.period,
        query: input.query,
      }),
    ),
  charts: goalSubtreeProcedure("view")
    .use(replicaReads)
    .input(ZGoalInput)
    .query(({ ctx, input }) =>
      getDashboardCharts(ctx.db, ctx.scope, { goal: ctx.goalPlan, rootId: ctx.rootId, period: input.period }),
    ),
  leaderboard: goalPlanProcedure("view")
    .use(replicaReads)
    .input(ZLeaderboardInput)
    .query(({ ctx, input }) => getLeaderboard(ctx.db, ctx.scope, { ...input, goal: ctx.goalPlan })),
  setLeaderboard: leaderboardSettingsProcedure
    .input(z.object({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setLeaderboardEnabled(ctx.db, ctx.scope, input)),
  victories: subtreeProcedure
    .use(replicaReads)
    .input(ZVictoryFeedInput)
    .query(({ ctx, input }) => listVictories(ctx.db, ctx.scope, { rootId: ctx.rootId, limit: input.limit })),
  cheer: victoryProcedure
    .input(ZCheerInput)
    .mutation(({ ctx }) => cheerVictory(ctx.db, ctx.scope, { victoryId: ctx.victory.id })),
  exportCsv: goalPlanProcedure("view")
    .use(replicaReads)
    .input(ZExportCsvInput)
    .query(({ ctx, input }) => exportGoalCsv(ctx.db, ctx.scope, { goal: ctx.goalPlan, period: input.period })),
});
