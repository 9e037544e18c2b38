/**
 * Deletes an entry softly (deletedAt; the row and its history stay) — by its author, or their upline when the team
 * allows it (checked on the procedure line: `changeableEntryProcedure`, server/api/policy/entry.ts). One transaction:
 * the entry, its `create` revision on its first change (`keepCreateRevision`), a `delete` revision, DailyTotal, and
 * the entry's link to a person with that person's stage.
 */
import type { Db } from "@/server/db-client";
import type { TeamScope } from "@/server/services/team/scope";
import { applyTotalDeltas, keepCreateRevision } from "@/server/queries/entry";
import { loadEditableEntry } from "./editable-entry";
import { undoEntryTouch } from "@/server/services/person/undo-touch";
import * as clock from "@/server/clock";
import { toDbDay } from "@/server/domain/db-day";

export async function deleteEntry(db: Db, scope: TeamScope, input: { entryId: string; version?: number }) {
  const { actor, team } = scope;
  const now = clock.now();
  return db.$transaction(async (tx) => {
    // Checked against the logging window of the entry's member, in their zone (editable-entry.ts).
    const entry = await loadEditableEntry(tx, { team, entryId: input.entryId, version: input.version, now });
    await keepCreateRevision(tx, entry.id);
    await tx.entry.update({
      where: { id: entry.id },
      data: { deletedAt: clock.now(), updatedAt: clock.now(), version: { increment: 1 } },
    });
    await tx.entryRevision.create({
      data: {
        entryId: entry.id,
        actorId: actor.id,
        action: "delete",
        day: toDbDay(entry.day),
        amount: entry.amount,
        note: entry.note,
        createdAt: clock.now(),
      },
    });
    // A tap with a person: the link goes and the person's stage follows the remaining touches (issue 18).
    await undoEntryTouch(tx, { teamId: team.id, entryId: entry.id });
    await applyTotalDeltas(tx, team.id, [
      { membershipId: entry.membershipId, metricId: entry.metricId, day: entry.day, total: -entry.amount, entries: -1 },
    ]);
    return { id: entry.id, deleted: true as const };
  });
}
