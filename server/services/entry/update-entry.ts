/**
 * Edits an entry (amount, day, note) — by its author, or their upline when the team allows it (checked on the
 * procedure line: `changeableEntryProcedure`, server/api/policy/entry.ts). One transaction: the entry (version + 1),
 * its `create` revision on its first change (`keepCreateRevision`), an `update` revision with the new values, and
 * DailyTotal moved from the old day/amount to the new one — refused (400) when the new day's total would pass
 * `MAX_DAY_TOTAL` (day-total-limit.ts).
 */
import type { Db } from "@/server/db-client";
import { badRequest } from "@/server/errors";
import type { TUpdateEntryInput } from "@/server/schemas/entry";
import type { TeamScope } from "@/server/services/team/scope";
import { dayProblem } from "@/server/domain/allowed-days";
import { applyTotalDeltas, keepCreateRevision } from "@/server/queries/entry";
import { dayTotalTooLargeMessage, MAX_DAY_TOTAL, refusingOverflow } from "./day-total-limit";
import { loadEditableEntry } from "./editable-entry";
import * as clock from "@/server/clock";
import { toDbDay } from "@/server/domain/db-day";

export async function updateEntry(db: Db, scope: TeamScope, input: TUpdateEntryInput) {
  const { actor, team } = scope;
  const now = clock.now();
  return db.$transaction(async (tx) => {
    // The entry's member's logging window (their days, in their zone) bounds both its day and the new one.
    const entry = await loadEditableEntry(tx, { team, entryId: input.entryId, version: input.version, now });
    if (input.day !== undefined) {
      const problem = dayProblem(input.day, entry.window);
      if (problem) throw badRequest(problem, "day");
    }
    const next = {
      day: input.day ?? entry.day,
      amount: input.amount ?? entry.amount,
      note: input.note === undefined ? entry.note : input.note?.trim() ? input.note.trim() : null,
    };
    if (next.day === entry.day && next.amount === entry.amount && next.note === entry.note) {
      return { id: entry.id, version: entry.version, ...next };
    }
    const added = next.amount - (next.day === entry.day ? entry.amount : 0);
    if (added > 0) {
      const stored = await tx.dailyTotal.findUnique({
        where: {
          membershipId_metricId_day: {
            membershipId: entry.membershipId,
            metricId: entry.metricId,
            day: toDbDay(next.day),
          },
        },
        select: { total: true, metric: { select: { name: true } } },
      });
      if ((stored?.total ?? 0) + added > MAX_DAY_TOTAL) {
        throw badRequest(dayTotalTooLargeMessage(stored?.metric.name ?? "This activity", next.day), "amount");
      }
    }
    await keepCreateRevision(tx, entry.id);
    const updated = await tx.entry.update({
      where: { id: entry.id },
      data: {
        day: toDbDay(next.day),
        amount: next.amount,
        note: next.note,
        version: { increment: 1 },
        updatedAt: clock.now(),
      },
      select: { id: true, version: true },
    });
    await tx.entryRevision.create({
      data: {
        entryId: entry.id,
        actorId: actor.id,
        action: "update",
        day: toDbDay(next.day),
        amount: next.amount,
        note: next.note,
        createdAt: clock.now(),
      },
    });
    await refusingOverflow(() =>
      applyTotalDeltas(tx, team.id, [
        {
          membershipId: entry.membershipId,
          metricId: entry.metricId,
          day: entry.day,
          total: -entry.amount,
          entries: -1,
        },
        { membershipId: entry.membershipId, metricId: entry.metricId, day: next.day, total: next.amount, entries: 1 },
      ]),
    );
    return { id: updated.id, version: updated.version, ...next };
  });
}
