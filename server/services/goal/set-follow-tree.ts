/**
 * Switches "targets follow the tree" on or off for one goal (`goalProcedure("change")`: whoever may change the goal).
 * Audited (`goal.followTree`, from → to); a switch to what it already is changes and records nothing. It does not
 * touch the goal's version: no target moves, so a re-plan being previewed stays valid.
 */
import type { Db } from "@/server/db-client";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import type { GoalRow } from "./goal-access";

export async function setFollowTree(
  db: Db,
  scope: TeamScope,
  args: { goal: Pick<GoalRow, "id" | "followTree">; followTree: boolean },
) {
  const { goal, followTree } = args;
  if (goal.followTree === followTree) return { goalId: goal.id, followTree, changed: false };
  await db.$transaction(async (tx) => {
    await tx.goal.update({ where: { id: goal.id }, data: { followTree } });
    await recordActorEvent(tx, scope.actor, {
      action: "goal.followTree",
      subjectId: goal.id,
      data: { from: goal.followTree, to: followTree },
    });
  });
  return { goalId: goal.id, followTree, changed: true };
}
