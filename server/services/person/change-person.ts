/**
 * Changes to a person on the caller's own list (the procedure checked "edit": server/api/policy/person.ts): details,
 * stage, archive and restore. Each is one write and an audit line (no names or contact details in the audit data:
 * the list is private).
 */
import type { Db } from "@/server/db-client";
import * as clock from "@/server/clock";
import { toDbDay } from "@/server/domain/db-day";
import type { TSetStageInput, TUpdatePersonInput } from "@/server/schemas/person";
import { recordActorEvent } from "@/server/services/audit/record-event";
import type { TeamScope } from "@/server/services/team/scope";
import { assertFunnelStage } from "./funnel-stages";

type Target = { id: string };

export async function updatePerson(db: Db, scope: TeamScope, person: Target, input: TUpdatePersonInput) {
  // Only the person's own fields (the procedure's merged input also carries teamId and personId).
  const { name, phone, email, handle, source, tags, notes, nextFollowUp, sharedWithUpline } = input;
  const data = {
    ...{ name, phone, email, handle, source, tags, notes, sharedWithUpline },
    ...(nextFollowUp !== undefined ? { nextFollowUp: nextFollowUp ? toDbDay(nextFollowUp) : null } : {}),
  };
  const fields = Object.entries({ ...data, nextFollowUp })
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key)
    .sort();
  return db.$transaction(async (tx) => {
    await tx.person.update({ where: { id: person.id }, data });
    await recordActorEvent(tx, scope.actor, {
      action: "person.updated",
      subjectId: person.id,
      data: { fields },
    });
    return { id: person.id };
  });
}

export async function setPersonStage(db: Db, scope: TeamScope, person: Target, input: TSetStageInput) {
  if (input.stageMetricId) await assertFunnelStage(db, scope.team.id, input.stageMetricId);
  const data =
    input.outcome !== undefined
      ? { outcome: input.outcome }
      : { stageMetricId: input.stageMetricId ?? null, outcome: null };
  return db.$transaction(async (tx) => {
    const updated = await tx.person.update({
      where: { id: person.id },
      data,
      select: { id: true, stageMetricId: true, outcome: true },
    });
    await recordActorEvent(tx, scope.actor, {
      action: "person.stage_set",
      subjectId: person.id,
      data: { stageMetricId: updated.stageMetricId, outcome: updated.outcome },
    });
    return updated;
  });
}

export async function setPersonArchived(db: Db, scope: TeamScope, person: Target, archived: boolean) {
  return db.$transaction(async (tx) => {
    await tx.person.updateMany({
      where: { id: person.id, archivedAt: archived ? null : { not: null } },
      data: { archivedAt: archived ? clock.now() : null },
    });
    await recordActorEvent(tx, scope.actor, {
      action: archived ? "person.archived" : "person.restored",
      subjectId: person.id,
    });
    return { id: person.id, archived };
  });
}
