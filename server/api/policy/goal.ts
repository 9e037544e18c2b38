/**
 * Who may call the goal (plan) procedures, declared where they are declared. Each builder checks one object with
 * the rules of server/services/goal/goal-access.ts and server/services/team/permissions.ts, and puts what it loaded
 * on the context for the service:
 *
 * - goalProcedure         the goal (`goalId`) is visible to the caller: they manage it, or have a target in it
 *                         once published. Anything else is NOT_FOUND. `ctx.viewed` = { goal, manages }.
 * - goalHistoryProcedure  goalProcedure, and the member whose history is asked (`membershipId`, default the
 *                         caller) is the caller or in their downline (the owner: anyone). `ctx.subjectId`.
 * - managedGoalProcedure  the caller manages the goal (its root is in their subtree; the owner: any): NOT_FOUND if
 *                         they cannot see it at all, FORBIDDEN if they only have a target in it or are a member.
 *                         `ctx.goal`.
 * - goalRootProcedure     the caller may plan for the new goal's root (`rootMembershipId`, default their own node;
 *                         the owner: the team root). `ctx.goalRootId`.
 * - proposalProcedure     the proposal (`proposalId`) is from a member the caller manages. `ctx.proposal`.
 */
import { z } from "zod";
import { teamProcedure } from "@/server/api/trpc";
import { notFound } from "@/server/errors";
import { ZId } from "@/server/schemas/common";
import { ZGoalRef } from "@/server/schemas/goal";
import { loadProposal } from "@/server/services/goal/decide-proposal";
import { loadGoalForManage, loadGoalForView, resolveGoalRoot } from "@/server/services/goal/goal-access";
import { assertCanManage, canSeeMember } from "@/server/services/team/permissions";

export const goalProcedure = teamProcedure.input(ZGoalRef).use(async ({ ctx, input, next }) => {
  const viewed = await loadGoalForView(ctx.db, ctx.scope.actor, input.goalId);
  return next({ ctx: { viewed } });
});

export const goalHistoryProcedure = goalProcedure
  .input(z.object({ membershipId: ZId.optional() }))
  .use(async ({ ctx, input, next }) => {
    const { actor } = ctx.scope;
    const subjectId = input.membershipId ?? actor.id;
    if (subjectId !== actor.id && !(await canSeeMember(ctx.db, actor, subjectId))) throw notFound("Member");
    return next({ ctx: { subjectId } });
  });

export const managedGoalProcedure = teamProcedure.input(ZGoalRef).use(async ({ ctx, input, next }) => {
  const goal = await loadGoalForManage(ctx.db, ctx.scope.actor, input.goalId);
  return next({ ctx: { goal } });
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
    await assertCanManage(ctx.db, actor, proposal.membershipId);
    return next({ ctx: { proposal } });
  });
