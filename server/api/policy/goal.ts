/**
 * Who may call the goal (plan) procedures — and every other procedure that takes a goal (dashboard, weekly review)
 * — declared where they are declared. Each builder checks one object with the rules of
 * server/services/goal/goal-access.ts and server/services/team/permissions.ts, and puts what it loaded on the
 * context for the service:
 *
 * - goalProcedure(authority)      the goal (`goalId`), checked for "view" (the caller manages it, or has a target
 *                                 in it once published; anything else is NOT_FOUND) or "change" (they manage it;
 *                                 FORBIDDEN, saying who can, if they only have a target in it). `ctx.goal`,
 *                                 `ctx.manages`. The ONE goal rule: no procedure reads a goal by id without it.
 * - goalPlanProcedure(authority)  goalProcedure(authority) on a published (or archived) goal, phased: `ctx.goalPlan`
 *                                 (server/services/progress/load-goal-plan.ts). A draft is NOT_FOUND here: the
 *                                 dashboard and the review show published plans only.
 * - goalHistoryProcedure          goalProcedure("view"), and the member whose history is asked (`membershipId`,
 *                                 default the caller) is the caller or in their downline (the owner: anyone).
 *                                 `ctx.subjectId`.
 * - goalRootProcedure             the caller may plan for the new goal's root (`rootMembershipId`, default their
 *                                 own node; the owner: the team root). `ctx.goalRootId`.
 * - proposalProcedure             the proposal (`proposalId`) is from a member of the caller's strict downline and the
 *                                 caller leads a branch (`assertLeadsBranchOf`; else NOT_FOUND / FORBIDDEN), and the caller holds goalProcedure("change")'s authority on its goal:
 *                                 deciding a proposal rewrites the goal's targets, so it takes the authority of
 *                                 changing the goal (docs/PLANNING.md). `ctx.proposal`.
 * - draftEditProcedure            goalProcedure("change"), and the caller may plan for the draft's new root
 *                                 (`rootMembershipId`, default the goal's own) as goalRootProcedure checks a new
 *                                 goal's. `ctx.goalRootId`.
 * - mainGoalProcedure             goalProcedure("view") (NOT_FOUND first), and the caller may change team-wide goals
 *                                 (the owner; FORBIDDEN otherwise): the team's main goal is the team's
 *                                 (server/services/goal/main-goal.ts).
 */
import { z } from "zod";
import { teamProcedure } from "@/server/api/trpc";
import { notFound } from "@/server/errors";
import { ZId } from "@/server/schemas/common";
import { ZGoalRef } from "@/server/schemas/goal";
import { loadProposal } from "@/server/services/goal/decide-proposal";
import {
  assertCanChangeGoal,
  loadGoalFor,
  loadGoalForView,
  resolveGoalRoot,
  type GoalAuthority,
} from "@/server/services/goal/goal-access";
import { loadGoalPlan } from "@/server/services/progress/load-goal-plan";
import { assertCanChooseMainGoal } from "@/server/services/goal/main-goal";
import { assertLeadsBranchOf, canSeeMember } from "@/server/services/team/permissions";

export function goalProcedure(authority: GoalAuthority) {
  return teamProcedure.input(ZGoalRef).use(async ({ ctx, input, next }) => {
    const { goal, manages } = await loadGoalFor(ctx.db, ctx.scope.actor, input.goalId, authority);
    return next({ ctx: { goal, manages } });
  });
}

export function goalPlanProcedure(authority: GoalAuthority) {
  return goalProcedure(authority).use(async ({ ctx, next }) => {
    const goalPlan = await loadGoalPlan(ctx.db, ctx.scope, { goalId: ctx.goal.id });
    return next({ ctx: { goalPlan } });
  });
}

export const goalHistoryProcedure = goalProcedure("view")
  .input(z.object({ membershipId: ZId.optional() }))
  .use(async ({ ctx, input, next }) => {
    const { actor } = ctx.scope;
    const subjectId = input.membershipId ?? actor.id;
    if (subjectId !== actor.id && !(await canSeeMember(ctx.db, actor, subjectId))) throw notFound("Member");
    return next({ ctx: { subjectId } });
  });

export const goalRootProcedure = teamProcedure
  .input(z.object({ rootMembershipId: ZId.optional() }))
  .use(async ({ ctx, input, next }) => {
    const goalRootId = await resolveGoalRoot(ctx.db, ctx.scope.actor, input.rootMembershipId);
    return next({ ctx: { goalRootId } });
  });

export const proposalProcedure = teamProcedure
  .input(z.object({ proposalId: ZId }))
  .use(async ({ ctx, input, next }) => {
    const { actor } = ctx.scope;
    const proposal = await loadProposal(ctx.db, { teamId: actor.teamId, proposalId: input.proposalId });
    await assertLeadsBranchOf(ctx.db, actor, proposal.membershipId, "decide proposals");
    // The proposer has a target in the goal and the caller sees the proposer, so the caller sees the goal's branch;
    // the question is only whether they may change the goal.
    const viewed = await loadGoalForView(ctx.db, actor, proposal.goalId);
    await assertCanChangeGoal(ctx.db, actor, viewed, "decide proposals on it");
    return next({ ctx: { proposal } });
  });

export const draftEditProcedure = goalProcedure("change")
  .input(z.object({ rootMembershipId: ZId.optional() }))
  .use(async ({ ctx, input, next }) => {
    const asked = input.rootMembershipId ?? ctx.goal.rootMembershipId;
    const goalRootId =
      asked === ctx.goal.rootMembershipId ? asked : await resolveGoalRoot(ctx.db, ctx.scope.actor, asked);
    return next({ ctx: { goalRootId } });
  });

export const mainGoalProcedure = goalProcedure("view").use(async ({ ctx, next }) => {
  await assertCanChooseMainGoal(ctx.db, ctx.scope.actor);
  return next();
});
