/** What a change to a published goal would do — who changes from → to, and any conflict — without saving. */
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import type { TGoalChange } from "@/server/schemas/goal";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { loadGoalForManage } from "./goal-access";
import { planGoalChange } from "./plan-goal-change";

export async function previewGoalChange(
  db: DbClient,
  args: { actor: ActorMembership; goalId: string; change: TGoalChange; asOf: IsoDate },
) {
  const goal = await loadGoalForManage(db, args.actor, args.goalId);
  const planned = await planGoalChange(db, { goal, change: args.change, asOf: args.asOf });
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
