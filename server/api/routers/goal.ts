/**
 * The goal (plan) procedures. Who may call each is on its line: `teamProcedure` (anyone in the team; the service
 * filters to what they may see) or an object-scoped builder of server/api/policy/goal.ts — every procedure that takes
 * a goal says what it may do with it: `goalProcedure("view")` or `goalProcedure("change")`.
 */
import { router, teamProcedure } from "@/server/api/trpc";
import { goalHistoryProcedure, goalProcedure, goalRootProcedure, proposalProcedure } from "@/server/api/policy/goal";
import {
  ZApplyChangeInput,
  ZCreateGoalInput,
  ZDecideProposalInput,
  ZGoalHistoryInput,
  ZMyPlanInput,
  ZPreviewChangeInput,
  ZPreviewGoalInput,
  ZProposeNextInput,
  ZProposeTargetInput,
  ZPublishGoalInput,
} from "@/server/schemas/goal";
import { applyGoalChange } from "@/server/services/goal/apply-goal-change";
import { createGoal } from "@/server/services/goal/create-goal";
import { decideProposal } from "@/server/services/goal/decide-proposal";
import { getGoal } from "@/server/services/goal/get-goal";
import { getMyPlan } from "@/server/services/goal/get-member-plan";
import { listGoalHistory } from "@/server/services/goal/list-goal-history";
import { listGoals } from "@/server/services/goal/list-goals";
import { listProposals } from "@/server/services/goal/list-proposals";
import { previewGoal } from "@/server/services/goal/preview-goal";
import { previewGoalChange } from "@/server/services/goal/preview-goal-change";
import { proposeNextTarget } from "@/server/services/goal/propose-next-target";
import { proposeTarget } from "@/server/services/goal/propose-target";
import { publishGoal } from "@/server/services/goal/publish-goal";

export const goalRouter = router({
  list: teamProcedure.query(({ ctx }) => listGoals(ctx.db, ctx.scope)),
  get: goalProcedure("view").query(({ ctx }) => getGoal(ctx.db, ctx.scope, { goal: ctx.goal, manages: ctx.manages })),
  preview: goalRootProcedure
    .input(ZPreviewGoalInput)
    .query(({ ctx, input }) => previewGoal(ctx.db, ctx.scope, { ...input, rootMembershipId: ctx.goalRootId })),
  create: goalRootProcedure
    .input(ZCreateGoalInput)
    .mutation(({ ctx, input }) => createGoal(ctx.db, ctx.scope, { ...input, rootMembershipId: ctx.goalRootId })),
  publish: goalProcedure("change")
    .input(ZPublishGoalInput)
    .mutation(({ ctx, input }) => publishGoal(ctx.db, ctx.scope, input)),
  previewChange: goalProcedure("change")
    .input(ZPreviewChangeInput)
    .query(({ ctx, input }) => previewGoalChange(ctx.db, ctx.scope, { goal: ctx.goal, change: input.change })),
  applyChange: goalProcedure("change")
    .input(ZApplyChangeInput)
    .mutation(({ ctx, input }) => applyGoalChange(ctx.db, ctx.scope, input)),
  history: goalHistoryProcedure
    .input(ZGoalHistoryInput)
    .query(({ ctx, input }) =>
      listGoalHistory(ctx.db, ctx.scope, { goalId: input.goalId, membershipId: ctx.subjectId }),
    ),
  proposeNext: goalProcedure("change")
    .input(ZProposeNextInput)
    .query(({ ctx, input }) =>
      proposeNextTarget(ctx.db, ctx.scope, { goal: ctx.goal, stretchPercent: input.stretchPercent }),
    ),
  /** The caller's plan as of their own today (in their time zone, as the Log's): today's actions match the Log's. */
  myPlan: teamProcedure.input(ZMyPlanInput).query(({ ctx, input }) => getMyPlan(ctx.db, ctx.scope, input)),
  proposeTarget: goalProcedure("view")
    .input(ZProposeTargetInput)
    .mutation(({ ctx, input }) => proposeTarget(ctx.db, ctx.scope, { ...input, goal: ctx.goal })),
  proposals: teamProcedure.query(({ ctx }) => listProposals(ctx.db, ctx.scope)),
  decideProposal: proposalProcedure
    .input(ZDecideProposalInput)
    .mutation(({ ctx, input }) => decideProposal(ctx.db, ctx.scope, input)),
});
