/** Past and open reviews the actor may see (rooted at them or below; the owner: all), newest first. */
import type { DbClient } from "@/server/db-client";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { listSubtree } from "@/server/services/tree/subtree";
import { toIsoDay } from "@/server/domain/db-day";

export async function listReviews(db: DbClient, args: { actor: ActorMembership }) {
  const visible =
    args.actor.role === "OWNER" ? null : (await listSubtree(db, { teamId: args.actor.teamId, rootId: args.actor.id })).map((r) => r.id);
  const reviews = await db.weeklyReview.findMany({
    where: { teamId: args.actor.teamId, ...(visible ? { rootMembershipId: { in: visible } } : {}) },
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
