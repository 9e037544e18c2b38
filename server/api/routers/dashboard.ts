import { z } from "zod";
import { router, teamProcedure } from "@/server/api/trpc";
import {
  ZCheerInput,
  ZExportCsvInput,
  ZGoalInput,
  ZImportMembersInput,
  ZLeaderboardInput,
  ZRollupInput,
  ZVictoryFeedInput,
} from "@/server/schemas/dashboard";
import { cheerVictory } from "@/server/services/dashboard/cheer-victory";
import { exportGoalCsv } from "@/server/services/dashboard/export-goal-csv";
import { getDashboardCharts } from "@/server/services/dashboard/get-dashboard-charts";
import { getLeaderboard } from "@/server/services/dashboard/get-leaderboard";
import { getRollup } from "@/server/services/dashboard/get-rollup";
import { importMembers } from "@/server/services/member/import-members";
import { listDashboardGoals } from "@/server/services/dashboard/list-dashboard-goals";
import { listVictories } from "@/server/services/dashboard/list-victories";
import { setLeaderboardEnabled } from "@/server/services/dashboard/set-leaderboard-enabled";

export const dashboardRouter = router({
  goals: teamProcedure.query(({ ctx }) => listDashboardGoals(ctx.db, { teamId: ctx.team.id })),
  rollup: teamProcedure
    .input(ZRollupInput)
    .query(({ ctx, input }) => getRollup(ctx.db, { actor: ctx.membership, team: ctx.team, ...input })),
  charts: teamProcedure
    .input(ZGoalInput)
    .query(({ ctx, input }) => getDashboardCharts(ctx.db, { actor: ctx.membership, team: ctx.team, ...input })),
  leaderboard: teamProcedure
    .input(ZLeaderboardInput)
    .query(({ ctx, input }) => getLeaderboard(ctx.db, { actor: ctx.membership, team: ctx.team, ...input })),
  setLeaderboard: teamProcedure
    .input(z.object({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setLeaderboardEnabled(ctx.db, { actor: ctx.membership, enabled: input.enabled })),
  victories: teamProcedure
    .input(ZVictoryFeedInput)
    .query(({ ctx, input }) => listVictories(ctx.db, { actor: ctx.membership, ...input })),
  cheer: teamProcedure
    .input(ZCheerInput)
    .mutation(({ ctx, input }) => cheerVictory(ctx.db, { actor: ctx.membership, victoryId: input.victoryId })),
  exportCsv: teamProcedure
    .input(ZExportCsvInput)
    .query(({ ctx, input }) => exportGoalCsv(ctx.db, { actor: ctx.membership, team: ctx.team, ...input })),
  importMembers: teamProcedure
    .input(ZImportMembersInput)
    .mutation(({ ctx, input }) => importMembers(ctx.db, { actor: ctx.membership, input })),
});
