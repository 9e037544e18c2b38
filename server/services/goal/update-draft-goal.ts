/**
 * Edits a DRAFT goal: every field, with the validation of creating one (`checkGoalFields`, create-goal.ts: not entirely in the past, it
 * phases, one of the team's metrics; the root checked by the procedure's builder). Nobody has a target in a draft,
 * so nothing else moves; the goal's version guards against a change made meanwhile (or the goal being published:
 * a published goal is edited through the previewed re-plan, `goal.applyChange` with `edit`). Audited.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import { AppError } from "@/server/errors";
import type { TUpdateDraftInput } from "@/server/schemas/goal-life";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import { checkGoalFields, goalFieldsData } from "./create-goal";
import type { GoalRow } from "./goal-access";
import { staleVersion } from "./publish-goal";

/** `goal` comes checked by `goalProcedure("change")`, `rootMembershipId` by `draftEditProcedure`. */
export async function updateDraftGoal(
  db: Db,
  scope: TeamScope,
  input: TUpdateDraftInput & { goal: GoalRow; rootMembershipId: string },
) {
  const { actor } = scope;
  const { goal } = input;
  if (goal.status !== "DRAFT") throw notDraft(goal.status);
  const holidays = await checkGoalFields(db, scope, input);

  return db.$transaction(async (tx) => {
    const updated = await tx.goal.updateMany({
      where: { id: goal.id, version: input.version, status: "DRAFT" },
      data: {
        version: { increment: 1 },
        rootMembershipId: input.rootMembershipId,
        ...goalFieldsData(input, holidays),
        checkpoints: input.curve === "CUSTOM" ? input.checkpoints : Prisma.DbNull,
      },
    });
    if (updated.count === 0) {
      const now = await tx.goal.findUnique({ where: { id: goal.id }, select: { status: true } });
      throw now && now.status !== "DRAFT" ? notDraft(now.status) : staleVersion();
    }
    await recordActorEvent(tx, actor, {
      action: "goal.draft_edited",
      subjectId: goal.id,
      data: { name: { from: goal.name, to: input.name } },
    });
    return { id: goal.id, version: input.version + 1 };
  });
}

export function notDraft(status: string): AppError {
  return new AppError(
    "CONFLICT",
    status === "PUBLISHED"
      ? "This goal is published: change it through Edit goal, which shows what changes for whom before saving."
      : "This goal is archived: restore it first.",
  );
}
