/**
 * Undoing a tap with a person (issue 18): when an entry is deleted, its PersonTouch goes (the timeline shows what
 * happened, and the entry did not) and the person's stage goes back to what the remaining touches say
 * (`stageAfterUndo`, server/domain/person-stage.ts). Runs inside the delete's transaction; one read when the entry
 * named nobody.
 */
import type { DbClient } from "@/server/db-client";
import { stageAfterUndo } from "@/server/domain/person-stage";
import * as clock from "@/server/clock";
import { loadStageRanks } from "./stage-ranks";

export async function undoEntryTouch(tx: DbClient, args: { teamId: string; entryId: string }): Promise<void> {
  const touch = await tx.personTouch.findUnique({
    where: { entryId: args.entryId },
    select: { id: true, personId: true, metricId: true, person: { select: { stageMetricId: true } } },
  });
  if (!touch) return;
  await tx.personTouch.delete({ where: { id: touch.id } });
  const [remaining, ranks] = await Promise.all([
    tx.personTouch.findMany({ where: { personId: touch.personId }, select: { metricId: true } }),
    loadStageRanks(tx, args.teamId),
  ]);
  const stage = stageAfterUndo({
    current: touch.person.stageMetricId,
    undoneMetricId: touch.metricId,
    remainingMetricIds: remaining.map((t) => t.metricId),
    ranks,
  });
  if (stage !== touch.person.stageMetricId) {
    await tx.person.update({ where: { id: touch.personId }, data: { stageMetricId: stage, updatedAt: clock.now() } });
  }
}
