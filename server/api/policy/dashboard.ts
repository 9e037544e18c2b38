/**
 * Who may call the dashboard procedures, declared where they are declared. Each builder checks one object and puts
 * what it loaded on the context for the service:
 *
 * - goalPlanProcedure(authority)  (server/api/policy/goal.ts) the goal, with the one goal rule of `goalProcedure`:
 *                           what `goal.get` answers NOT_FOUND to, the dashboard does too. `ctx.goalPlan`.
 * - subtreeProcedure        the subtree root (`rootId`, default the caller's own node) is the caller or in their
 *                           downline (the owner: anyone), else NOT_FOUND (permissions.ts): `ctx.rootId`.
 * - goalSubtreeProcedure(authority)  both, the goal first, and the root inside the goal's branch (a root above it
 *                           reads the goal's root; one beside it is NOT_FOUND): `ctx.goalPlan`, `ctx.rootId`.
 * - victoryProcedure        the victory (`victoryId`) is of a member the caller can see, else NOT_FOUND: `ctx.victory`.
 * - leaderboardSettingsProcedure  whoever may change the team settings (the owner; leaders if the owner allows).
 */
import { z } from "zod";
import { goalPlanProcedure } from "@/server/api/policy/goal";
import { teamSettingsEditorProcedure } from "@/server/api/policy/team";
import { teamProcedure } from "@/server/api/trpc";
import { ZId } from "@/server/schemas/common";
import { loadVisibleVictory } from "@/server/services/dashboard/cheer-victory";
import type { GoalAuthority } from "@/server/services/goal/goal-access";
import { resolveGoalViewRoot, resolveViewRoot } from "@/server/services/progress/view-root";

const ZRootRef = z.object({ rootId: ZId.optional() });

export const subtreeProcedure = teamProcedure.input(ZRootRef).use(async ({ ctx, input, next }) => {
  return next({ ctx: { rootId: await resolveViewRoot(ctx.db, ctx.scope.actor, input.rootId) } });
});

export function goalSubtreeProcedure(authority: GoalAuthority) {
  return goalPlanProcedure(authority)
    .input(ZRootRef)
    .use(async ({ ctx, input, next }) => {
      const goalRootId = ctx.goalPlan.goal.rootMembershipId;
      return next({ ctx: { rootId: await resolveGoalViewRoot(ctx.db, ctx.scope.actor, goalRootId, input.rootId) } });
    });
}

export const victoryProcedure = teamProcedure.input(z.object({ victoryId: ZId })).use(async ({ ctx, input, next }) => {
  return next({ ctx: { victory: await loadVisibleVictory(ctx.db, ctx.scope.actor, input.victoryId) } });
});

/** The leaderboard switch is a team setting: whoever may change the team settings (server/api/policy/team.ts). */
export const leaderboardSettingsProcedure = teamSettingsEditorProcedure;
