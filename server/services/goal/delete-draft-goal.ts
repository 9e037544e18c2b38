/**
 * Deleting a goal is for drafts only: nobody has a target in a draft and nothing was logged against it. A published
 * goal is archived instead (archive-goal.ts), so its targets, history and reviews are never lost. Who may: whoever
 * may change the goal (`goalProcedure("change")`); the version the caller saw must still be the goal's (the goal may
 * have been published meanwhile). Audited, with what the draft was.
 */
import type { Db } from "@/server/db-client";
import { toIsoDay } from "@/server/domain/db-day";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import type { GoalRow } from "./goal-access";
import { staleVersion } from "./publish-goal";
import { notDraft } from "./update-draft-goal";

export async function deleteDraftGoal(db: Db, scope: TeamScope, input: { goal: GoalRow; version: number }) {
  const { goal } = input;
  if (goal.status !== "DRAFT") throw notDraft(goal.status);
  return db.$transaction(async (tx) => {
    const deleted = await tx.goal.deleteMany({ where: { id: goal.id, version: input.version, status: "DRAFT" } });
    if (deleted.count === 0) {
      const now = await tx.goal.findUnique({ where: { id: goal.id }, select: { status: true } });
      throw now && now.status !== "DRAFT" ? notDraft(now.status) : staleVersion();
    }
    await recordActorEvent(tx, scope.actor, {
      action: "goal.draft_deleted",
      subjectId: goal.id,
      data: {
        name: goal.name,
        target: goal.target,
        startDate: toIsoDay(goal.startDate),
        deadline: toIsoDay(goal.deadline),
        rootMembershipId: goal.rootMembershipId,
      },
    });
    return { id: goal.id, deleted: true as const };
  });
}
