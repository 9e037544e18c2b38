/**
 * Every change to one entry (create, update, delete), oldest first, with who made it. Same visibility as the entry:
 * checked on the procedure line (`visibleEntryProcedure`, server/api/policy/entry.ts).
 */
import type { DbClient } from "@/server/db-client";
import type { TeamScope } from "@/server/services/team/scope";
import { toIsoDay } from "@/server/domain/db-day";

export async function getEntryHistory(db: DbClient, _scope: TeamScope, input: { entryId: string }) {
  const revisions = await db.entryRevision.findMany({
    where: { entryId: input.entryId },
    select: {
      action: true,
      day: true,
      amount: true,
      note: true,
      createdAt: true,
      actor: { select: { id: true, user: { select: { name: true } } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return revisions.map((r) => ({
    action: r.action,
    day: toIsoDay(r.day),
    amount: r.amount,
    note: r.note,
    at: r.createdAt,
    by: { id: r.actor.id, name: r.actor.user.name },
  }));
}
