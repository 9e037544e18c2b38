/** Every change to one entry (create, update, delete), oldest first, with who made it. Same visibility as the entry. */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { canView } from "@/server/services/team/permissions";
import { toIsoDay } from "@/server/domain/db-day";

export async function getEntryHistory(db: DbClient, args: { teamId: string; actor: ActorMembership; entryId: string }) {
  const entry = await db.entry.findFirst({ where: { id: args.entryId, teamId: args.teamId }, select: { membershipId: true } });
  if (!entry || !(await canView(db, args.actor, entry.membershipId))) throw notFound("Entry");
  const revisions = await db.entryRevision.findMany({
    where: { entryId: args.entryId },
    select: { action: true, day: true, amount: true, note: true, createdAt: true, actor: { select: { id: true, user: { select: { name: true } } } } },
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
