/**
 * Every change to one entry (create, update, delete), oldest first, with who made it. Same visibility as the entry:
 * checked on the procedure line (`visibleEntryProcedure`, server/api/policy/entry.ts).
 *
 * An entry never changed has no `create` revision (logging writes one row an entry; the first edit or delete writes
 * the revision, `keepCreateRevision` in server/queries/entry.ts): its creation is read from the entry itself, which
 * still holds what was logged, by whom and when.
 */
import type { DbClient } from "@/server/db-client";
import type { TeamScope } from "@/server/services/team/scope";
import { toIsoDay } from "@/server/domain/db-day";

const byWhom = { select: { id: true, user: { select: { name: true } } } } as const;

export async function getEntryHistory(db: DbClient, _scope: TeamScope, input: { entryId: string }) {
  const [revisions, entry] = await Promise.all([
    db.entryRevision.findMany({
      where: { entryId: input.entryId },
      select: { action: true, day: true, amount: true, note: true, createdAt: true, actor: byWhom },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.entry.findUnique({
      where: { id: input.entryId },
      select: { day: true, amount: true, note: true, createdAt: true, createdBy: byWhom },
    }),
  ]);
  const created =
    entry && !revisions.some((r) => r.action === "create")
      ? [{ action: "create", ...entry, actor: entry.createdBy }]
      : [];
  // The creation first even when a revision shares its instant (a first change in the same millisecond).
  const ordered = [...created, ...revisions].sort(
    (a, b) => Number(a.action !== "create") - Number(b.action !== "create"),
  );
  return ordered.map((r) => ({
    action: r.action,
    day: toIsoDay(r.day),
    amount: r.amount,
    note: r.note,
    at: r.createdAt,
    by: { id: r.actor.id, name: r.actor.user.name },
  }));
}
