import { router, teamProcedure } from "@/server/api/trpc";
import {
  ZApplyChangeInput,
  ZCreateGoalInput,
  ZDecideProposalInput,
  ZGoalHistoryInput,
  ZGoalRef,
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
import { getMemberPlan } from "@/server/services/goal/get-member-plan";
import { listGoalHistory } from "@/server/services/goal/list-goal-history";
import { listGoals } from "@/server/services/goal/list-goals";
import { listProposals } from "@/server/services/goal/list-proposals";
import { previewGoal } from "@/server/services/goal/preview-goal";
import { previewGoalChange } from "@/server/services/goal/preview-goal-change";
import { proposeNextTarget } from "@/server/services/goal/propose-next-target";
import { proposeTarget } from "@/server/services/goal/propose-target";
import { publishGoal } from "@/server/services/goal/publish-goal";
import { memberToday, teamToday } from "@/server/clock";

export const goalRouter = router({
  list: teamProcedure.query(({ ctx }) => listGoals(ctx.db, { actor: ctx.membership })),
  get: teamProcedure
    .input(ZGoalRef)
    .query(({ ctx, input }) => getGoal(ctx.db, { actor: ctx.membership, goalId: input.goalId, asOf: teamToday(ctx.team) })),
  preview: teamProcedure
    .input(ZPreviewGoalInput)
    .query(({ ctx, input }) => previewGoal(ctx.db, { actor: ctx.membership, input, asOf: teamToday(ctx.team) })),
  create: teamProcedure
    .input(ZCreateGoalInput)
    .mutation(({ ctx, input }) => createGoal(ctx.db, { actor: ctx.membership, input, asOf: teamToday(ctx.team) })),
  publish: teamProcedure
    .input(ZPublishGoalInput)
    .mutation(({ ctx, input }) => publishGoal(ctx.db, { actor: ctx.membership, ...input, asOf: teamToday(ctx.team) })),
  previewChange: teamProcedure
    .input(ZPreviewChangeInput)
    .query(({ ctx, input }) => previewGoalChange(ctx.db, { actor: ctx.membership, ...input, asOf: teamToday(ctx.team) })),
  applyChange: teamProcedure
    .input(ZApplyChangeInput)
    .mutation(({ ctx, input }) => applyGoalChange(ctx.db, { actor: ctx.membership, ...input, asOf: teamToday(ctx.team) })),
  history: teamProcedure
    .input(ZGoalHistoryInput)
    .query(({ ctx, input }) => listGoalHistory(ctx.db, { actor: ctx.membership, ...input })),
  proposeNext: teamProcedure
    .input(ZProposeNextInput)
    .query(({ ctx, input }) => proposeNextTarget(ctx.db, { actor: ctx.membership, ...input, asOf: teamToday(ctx.team) })),
  /** The caller's plan as of their own today (in their time zone, as the Log's): today's actions match the Log's. */
  myPlan: teamProcedure.input(ZMyPlanInput).query(({ ctx, input }) =>
    getMemberPlan(ctx.db, { teamId: ctx.team.id, membershipId: ctx.membership.id, asOf: input.asOf ?? memberToday(ctx.membership, ctx.team) }),
  ),
  proposeTarget: teamProcedure
    .input(ZProposeTargetInput)
    .mutation(({ ctx, input }) => proposeTarget(ctx.db, { actor: ctx.membership, input })),
  proposals: teamProcedure.query(({ ctx }) => listProposals(ctx.db, { actor: ctx.membership })),
  decideProposal: teamProcedure
    .input(ZDecideProposalInput)
    .mutation(({ ctx, input }) => decideProposal(ctx.db, { actor: ctx.membership, ...input, asOf: teamToday(ctx.team) })),
});
