/**
 * The team's activity page (`team.activity`, the owner only): the audit log, newest first, a page at a time (keyset
 * on (createdAt, id); `cursor` is the last id of the previous page), each event as "who did what to whom" in plain
 * words (server/domain/activity-text.ts). Times are instants; the page shows them in the viewer's zone.
 * Names come from one read of the memberships and one of the goals the page mentions (removed members keep their row
 * and their name; a deleted draft's name is in its event).
 */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import { activityText, mentionedIds } from "@/server/domain/activity-text";
import type { TTeamActivityInput } from "@/server/schemas/team";
import type { TeamScope } from "./scope";

export async function listTeamActivity(db: DbClient, scope: TeamScope, input: TTeamActivityInput) {
  const teamId = scope.team.id;
  let after: { createdAt: Date; id: string } | null = null;
  if (input.cursor) {
    after = await db.auditEvent.findFirst({
      where: { id: input.cursor, teamId },
      select: { createdAt: true, id: true },
    });
    if (!after) throw notFound("That page of the activity");
  }
  const rows = await db.auditEvent.findMany({
    where: {
      teamId,
      ...(after && {
        OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: { id: true, action: true, actorId: true, subjectId: true, data: true, createdAt: true },
  });
  const page = rows.slice(0, input.limit);
  const ids = new Set<string>();
  for (const r of page) {
    if (r.actorId) ids.add(r.actorId);
    if (r.subjectId) ids.add(r.subjectId);
    for (const id of mentionedIds(r.action, r.data)) ids.add(id);
  }
  const [members, goals] = await Promise.all([
    db.membership.findMany({
      where: { teamId, id: { in: [...ids] } },
      select: { id: true, user: { select: { name: true } } },
    }),
    db.goal.findMany({ where: { teamId, id: { in: [...ids] } }, select: { id: true, name: true } }),
  ]);
  const names = new Map([
    ...members.map((m) => [m.id, m.user.name] as const),
    ...goals.map((g) => [g.id, g.name] as const),
  ]);
  const items = page.map((r) => {
    const actorName = r.actorId ? (names.get(r.actorId) ?? null) : null;
    return {
      id: r.id,
      at: r.createdAt,
      action: r.action,
      actorName: actorName ?? (r.actorId ? "A former member" : "Backplan"),
      text: activityText({
        action: r.action,
        actorName,
        subjectName: r.subjectId ? (names.get(r.subjectId) ?? null) : null,
        data: r.data,
        names,
      }),
    };
  });
  return { items, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}
