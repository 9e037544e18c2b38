/**
 * A goal's closing summary, once its deadline has passed (the team's today, `scope.today` from server/clock.ts):
 * hit or missed and by how much, the best contributors and the victories of the goal's period — for the branch the
 * viewer sees of it (the dashboard's default root, checked by `goalSubtreeProcedure`). The numbers are the
 * dashboard's: the one roll-up (`getRollup`, period "goal") and its pace model, so the summary and the dashboard agree
 * for the same goal and root. For whoever may change the goal it also proposes next month's goal (next-goal-draft.ts).
 */
import type { DbClient } from "@/server/db-client";
import { toIsoDay } from "@/server/domain/db-day";
import { victoriesInSubtree } from "@/server/queries/dashboard";
import { getRollup } from "@/server/services/progress/get-rollup";
import type { GoalPlan } from "@/server/services/progress/load-goal-plan";
import type { TeamScope } from "@/server/services/team/scope";
import { goalResult, nextGoalDraft } from "./next-goal-draft";

/** How many contributors and victories the summary names. */
export const TOP_CONTRIBUTORS = 3;
export const CLOSING_VICTORIES = 8;

export async function getGoalClosing(
  db: DbClient,
  scope: TeamScope,
  input: { goal: GoalPlan; rootId: string; manages: boolean; stretchPercent: number },
) {
  const { goal } = input.goal;
  const deadline = toIsoDay(goal.deadline);
  const start = toIsoDay(goal.startDate);
  if (scope.today <= deadline) return { closed: false as const, deadline, today: scope.today };

  const rollup = await getRollup(db, scope, { goal: input.goal, rootId: input.rootId, period: "goal" });
  const root = rollup.rows[0];
  const actual = root?.teamActual ?? 0;
  const target = root?.teamTarget ?? 0;
  const contributors = rollup.rows
    .filter((r) => r.ownActual > 0)
    .sort((a, b) => b.ownActual - a.ownActual || a.name.localeCompare(b.name))
    .slice(0, TOP_CONTRIBUTORS)
    .map((r) => ({ id: r.id, name: r.name, actual: r.ownActual, target: r.ownTarget }));
  const victories = await victoriesInSubtree(db, {
    teamId: scope.team.id,
    rootId: input.rootId,
    viewerId: scope.actor.id,
    limit: CLOSING_VICTORIES,
    from: start,
    to: deadline,
  });
  const next = input.manages
    ? nextGoalDraft({
        goal,
        actual: input.rootId === goal.rootMembershipId ? actual : await goalResult(db, scope, input.goal),
        stretchPercent: input.stretchPercent,
        today: scope.today,
        currency: scope.team.currency,
      })
    : null;
  return {
    closed: true as const,
    deadline,
    today: scope.today,
    start,
    rootId: input.rootId,
    rootName: root?.name ?? "",
    metric: rollup.goal.metric,
    /** Progress over the goal (baseline excluded) vs the progress planned, for the viewer's branch. */
    result: {
      actual,
      target,
      hit: actual >= target,
      /** actual − target: above zero is beyond the target, below it what was missing. */
      difference: actual - target,
      percent: target > 0 ? Math.round((actual * 100) / target) : null,
      status: root?.goal.status ?? null,
    },
    members: rollup.rows.length,
    hitCount: rollup.rows.filter((r) => r.ownTarget > 0 && r.ownActual >= r.ownTarget).length,
    contributors,
    victories,
    next,
  };
}
