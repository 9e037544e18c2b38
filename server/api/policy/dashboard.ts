/**
 * Who may call the dashboard procedures, declared where they are declared. Each builder checks one object and puts
 * what it loaded on the context for the service:
 *
 * - goalPlanProcedure(authority)  (server/api/policy/goal.ts) the goal, with the one goal rule of `goalProcedure`:
 *                           what `goal.get` answers NOT_FOUND to, the dashboard does too. `ctx.goalPlan`.
 * - subtreeProcedure        the subtree root (`rootId`, default the caller's own node) is the caller or in their
 *                           downline (the owner: anyone), else NOT_FOUND (permissions.ts): `ctx.rootId`.
 * - goalSubtreeProcedure(authority)  both, the goal first: `ctx.goalPlan`, `ctx.rootId`.
 * - victoryProcedure        the victory (`victoryId`) is of a member the caller can see, else NOT_FOUND: `ctx.victory`.
 * - leaderboardSettingsProcedure  the team owner.
 */
import { z } from "zod";
import { goalPlanProcedure } from "@/server/api/policy/goal";
import { roleProcedure, teamProcedure } from "@/server/api/trpc";
import type { Db } from "@/server/db-client";
import { ZId } from "@/server/schemas/common";
import { loadVisibleVictory } from "@/server/services/dashboard/cheer-victory";
import type { GoalAuthority } from "@/server/services/goal/goal-access";
import { resolveViewRoot } from "@/server/services/progress/view-root";
import type { TeamScope } from "@/server/services/team/scope";

const ZRootRef = z.object({ rootId: ZId.optional() });

/** The checked subtree root of a read (shared by the builders here and in review.ts). */
export async function checkedRoot(ctx: { db: Db; scope: TeamScope }, rootId: string | undefined) {
  return resolveViewRoot(ctx.db, ctx.scope.actor, rootId);
}

export const subtreeProcedure = teamProcedure.input(ZRootRef).use(async ({ ctx, input, next }) => {
  return next({ ctx: { rootId: await checkedRoot(ctx, input.rootId) } });
});

export function goalSubtreeProcedure(authority: GoalAuthority) {
  return goalPlanProcedure(authority)
    .input(ZRootRef)
    .use(async ({ ctx, input, next }) => {
      return next({ ctx: { rootId: await checkedRoot(ctx, input.rootId) } });
    });
}

export const victoryProcedure = teamProcedure.input(z.object({ victoryId: ZId })).use(async ({ ctx, input, next }) => {
  return next({ ctx: { victory: await loadVisibleVictory(ctx.db, ctx.scope.actor, input.victoryId) } });
});

export const leaderboardSettingsProcedure = roleProcedure(
  ["OWNER"],
  "Only the team owner can switch the leaderboard on or off.",
);
