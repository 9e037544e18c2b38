/**
 * Why targets changed: the goal's own changes and a member's (the caller's by default), newest first, in one query
 * (`goalHistoryRows`, server/queries/goal.ts). Who may read it — the goal visible to the caller, the member the caller
 * or in their downline — is checked by `goalHistoryProcedure` (server/api/policy/goal.ts).
 */
import type { DbClient } from "@/server/db-client";
import { goalHistoryRows, type GoalHistoryRow } from "@/server/queries/goal";
import type { TeamScope } from "@/server/services/team/scope";

export type { GoalHistoryRow } from "@/server/queries/goal";

export function listGoalHistory(
  db: DbClient,
  scope: TeamScope,
  input: { goalId: string; membershipId?: string },
): Promise<GoalHistoryRow[]> {
  return goalHistoryRows(db, { goalId: input.goalId, membershipId: input.membershipId ?? scope.actor.id });
}
