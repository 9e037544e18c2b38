/**
 * Past and open reviews the actor may see (rooted at them or below; the owner: all), newest first. Visibility is a
 * filter over the list here (one subtree read), not a check a procedure could make before.
 */
import type { DbClient } from "@/server/db-client";
import { toIsoDay } from "@/server/domain/db-day";
import type { TeamScope } from "@/server/services/team/scope";
import { listSubtree } from "@/server/queries/tree";

export async function listReviews(db: DbClient, scope: TeamScope) {
  const { actor } = scope;
  const visible =
    actor.role === "OWNER"
      ? null
      : (await listSubtree(db, { teamId: scope.team.id, rootId: actor.id })).map((r) => r.id);
  const reviews = await db.weeklyReview.findMany({
    where: { teamId: scope.team.id, ...(visible ? { rootMembershipId: { in: visible } } : {}) },
    orderBy: [{ weekStart: "desc" }, { createdAt: "desc" }],
    take: 52,
    select: {
      id: true,
      status: true,
      weekStart: true,
      closedAt: true,
      goal: { select: { name: true } },
      root: { select: { user: { select: { name: true } } } },
    },
  });
  return reviews.map((r) => ({
    id: r.id,
    status: r.status,
    weekStart: toIsoDay(r.weekStart),
    closedAt: r.closedAt,
    goalName: r.goal?.name ?? "Deleted goal",
    rootName: r.root.user.name,
  }));
}
