/**
 * Archiving a goal puts it away without losing anything: it leaves the Log, My plan and the dashboard's goal picker
 * (they read PUBLISHED goals only), stays readable on its page and under the Plan's "Archived" list, and can be
 * restored — to PUBLISHED if it had been published (its targets and history are untouched), else to DRAFT. An
 * archived goal is no longer the team's main goal. Who may: whoever may change the goal (`goalProcedure("change")`);
 * the version the caller saw guards against a change made meanwhile. Audited.
 */
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import type { GoalRow } from "./goal-access";
import { staleVersion } from "./publish-goal";

export async function archiveGoal(db: Db, scope: TeamScope, input: { goal: GoalRow; version: number }) {
  const { goal } = input;
  if (goal.status === "ARCHIVED") throw new AppError("CONFLICT", "This goal is archived already.");
  return db.$transaction(async (tx) => {
    const updated = await tx.goal.updateMany({
      where: { id: goal.id, version: input.version, status: goal.status },
      data: { status: "ARCHIVED", version: { increment: 1 }, mainSince: null },
    });
    if (updated.count === 0) throw staleVersion();
    await recordActorEvent(tx, scope.actor, {
      action: "goal.archived",
      subjectId: goal.id,
      data: { name: goal.name, status: { from: goal.status, to: "ARCHIVED" } },
    });
    return { id: goal.id, version: input.version + 1, status: "ARCHIVED" as const };
  });
}

export async function restoreGoal(db: Db, scope: TeamScope, input: { goal: GoalRow; version: number }) {
  const { goal } = input;
  if (goal.status !== "ARCHIVED") throw new AppError("CONFLICT", "This goal is not archived.");
  const status = goal.publishedAt ? ("PUBLISHED" as const) : ("DRAFT" as const);
  return db.$transaction(async (tx) => {
    const updated = await tx.goal.updateMany({
      where: { id: goal.id, version: input.version, status: "ARCHIVED" },
      data: { status, version: { increment: 1 } },
    });
    if (updated.count === 0) throw staleVersion();
    await recordActorEvent(tx, scope.actor, {
      action: "goal.restored",
      subjectId: goal.id,
      data: { name: goal.name, status: { from: "ARCHIVED", to: status } },
    });
    return { id: goal.id, version: input.version + 1, status };
  });
}
