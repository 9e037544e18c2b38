/**
 * What a change to a published goal would do — who changes from → to, and any conflict — without saving. The goal
 * comes checked and loaded by `goalProcedure("change")` (server/api/policy/goal.ts).
 */
import type { DbClient } from "@/server/db-client";
import type { TGoalChange } from "@/server/schemas/goal";
import type { TeamScope } from "@/server/services/team/scope";
import type { GoalRow } from "./goal-access";
import { planGoalChange } from "./plan-goal-change";

export async function previewGoalChange(db: DbClient, scope: TeamScope, args: { goal: GoalRow; change: TGoalChange }) {
  const { goal } = args;
  const planned = await planGoalChange(db, { goal, change: args.change, asOf: scope.today });
  return {
    goalId: goal.id,
    version: goal.version,
    goal: planned.goalDiff,
    members: planned.diff,
    /** A re-plan for the team's holidays: holidays added and removed, milestones that move, who is affected. */
    calendar: planned.calendar,
    conflicts: planned.conflicts,
    canApply: planned.conflicts.length === 0,
  };
}
