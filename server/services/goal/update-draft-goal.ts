/**
 * Edits a DRAFT goal: every field, with the validation of creating one (create-goal.ts: not entirely in the past, it
 * phases, one of the team's metrics; the root checked by the procedure's builder). Nobody has a target in a draft,
 * so nothing else moves; the goal's version guards against a change made meanwhile (or the goal being published:
 * a published goal is edited through the previewed re-plan, `goal.applyChange` with `edit`). Audited.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import { toDbDay } from "@/server/domain/db-day";
import { phaseGoal } from "@/server/domain/goal-phasing";
import { AppError, badRequest } from "@/server/errors";
import type { TUpdateDraftInput } from "@/server/schemas/goal-life";
import { recordActorEvent } from "@/server/services/audit/record-event";
import { teamHolidayDays } from "@/server/services/calendar/team-holiday-days";
import type { TeamScope } from "@/server/services/team/scope";
import type { GoalRow } from "./goal-access";
import { goalSpecOf } from "./preview-goal";
import { staleVersion } from "./publish-goal";
import { refusePastGoal } from "./refuse-past-goal";

/** `goal` comes checked by `goalProcedure("change")`, `rootMembershipId` by `draftEditProcedure`. */
export async function updateDraftGoal(
  db: Db,
  scope: TeamScope,
  input: TUpdateDraftInput & { goal: GoalRow; rootMembershipId: string },
) {
  const { actor, team, today } = scope;
  const { goal } = input;
  if (goal.status !== "DRAFT") throw notDraft(goal.status);
  refusePastGoal(input, today);
  const holidays = await teamHolidayDays(db, { teamId: actor.teamId, from: input.startDate, to: input.deadline });
  phaseGoal({ ...goalSpecOf(input), holidays }, team);
  const metric = await db.metric.findFirst({
    where: { id: input.metricId, teamId: actor.teamId, archivedAt: null },
    select: { id: true },
  });
  if (!metric) throw badRequest("Choose one of the team's metrics.", "metricId");

  return db.$transaction(async (tx) => {
    const updated = await tx.goal.updateMany({
      where: { id: goal.id, version: input.version, status: "DRAFT" },
      data: {
        version: { increment: 1 },
        rootMembershipId: input.rootMembershipId,
        metricId: input.metricId,
        name: input.name,
        target: input.target,
        baseline: input.baseline,
        startDate: toDbDay(input.startDate),
        deadline: toDbDay(input.deadline),
        period: input.period,
        curve: input.curve,
        curveStrength: input.curveStrength,
        checkpoints: input.curve === "CUSTOM" ? input.checkpoints : Prisma.DbNull,
        splitRule: input.splitRule,
        historyDays: input.historyDays,
        historyFloorPct: input.historyFloorPct,
        holidays: holidays.map(toDbDay),
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
