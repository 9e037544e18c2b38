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
  ZSetFollowTreeInput,
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
import { setFollowTree } from "@/server/services/goal/set-follow-tree";
import { goalPlanProcedure, draftEditProcedure, mainGoalProcedure } from "@/server/api/policy/goal";
import { goalSubtreeProcedure } from "@/server/api/policy/dashboard";
import {
  ZCreateNextGoalInput,
  ZGoalClosingInput,
  ZGoalVersionInput,
  ZSetMainGoalInput,
  ZUpdateDraftInput,
} from "@/server/schemas/goal-life";
import { archiveGoal, restoreGoal } from "@/server/services/goal/archive-goal";
import { deleteDraftGoal } from "@/server/services/goal/delete-draft-goal";
import { getGoalClosing } from "@/server/services/goal/goal-closing";
import { listArchivedGoals } from "@/server/services/goal/list-archived-goals";
import { setMainGoal } from "@/server/services/goal/main-goal";
import { createNextGoal } from "@/server/services/goal/next-goal-draft";
import { updateDraftGoal } from "@/server/services/goal/update-draft-goal";
import { replanProcedure } from "@/server/api/policy/replan";
import { ZApplyReplanInput, ZReplanInput } from "@/server/schemas/replan";
import { applyReplanRest, previewReplanRest } from "@/server/services/goal/replan-rest";

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
  setFollowTree: goalProcedure("change")
    .input(ZSetFollowTreeInput)
    .mutation(({ ctx, input }) => setFollowTree(ctx.db, ctx.scope, { goal: ctx.goal, followTree: input.followTree })),
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
  /** The life of a goal: edit a draft, archive / restore, delete a draft, the team's main goal, closing, next month. */
  update: draftEditProcedure
    .input(ZUpdateDraftInput)
    .mutation(({ ctx, input }) =>
      updateDraftGoal(ctx.db, ctx.scope, { ...input, goal: ctx.goal, rootMembershipId: ctx.goalRootId }),
    ),
  archive: goalProcedure("change")
    .input(ZGoalVersionInput)
    .mutation(({ ctx, input }) => archiveGoal(ctx.db, ctx.scope, { goal: ctx.goal, version: input.version })),
  restore: goalProcedure("change")
    .input(ZGoalVersionInput)
    .mutation(({ ctx, input }) => restoreGoal(ctx.db, ctx.scope, { goal: ctx.goal, version: input.version })),
  delete: goalProcedure("change")
    .input(ZGoalVersionInput)
    .mutation(({ ctx, input }) => deleteDraftGoal(ctx.db, ctx.scope, { goal: ctx.goal, version: input.version })),
  archived: teamProcedure.query(({ ctx }) => listArchivedGoals(ctx.db, ctx.scope)),
  setMain: mainGoalProcedure
    .input(ZSetMainGoalInput)
    .mutation(({ ctx, input }) => setMainGoal(ctx.db, ctx.scope, { goal: ctx.goal, main: input.main })),
  closing: goalSubtreeProcedure("view")
    .input(ZGoalClosingInput)
    .query(({ ctx, input }) =>
      getGoalClosing(ctx.db, ctx.scope, {
        goal: ctx.goalPlan,
        rootId: ctx.rootId,
        manages: ctx.manages,
        stretchPercent: input.stretchPercent,
      }),
    ),
  createNext: goalPlanProcedure("change")
    .input(ZCreateNextGoalInput)
    .mutation(({ ctx, input }) =>
      createNextGoal(ctx.db, ctx.scope, {
        goal: ctx.goal,
        goalPlan: ctx.goalPlan,
        stretchPercent: input.stretchPercent,
      }),
    ),
  /** "Re-plan the rest" of a member's (or branch's) share: the member for their own plan, or whoever manages them. */
  previewReplan: replanProcedure
    .input(ZReplanInput)
    .query(({ ctx, input }) => previewReplanRest(ctx.db, ctx.scope, { ...input, goal: ctx.goal })),
  applyReplan: replanProcedure
    .input(ZApplyReplanInput)
    .mutation(({ ctx, input }) => applyReplanRest(ctx.db, ctx.scope, { ...input, goal: ctx.goal })),
});
