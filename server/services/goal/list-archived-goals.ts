/**
 * The Plan's "Archived" list: the archived goals the caller may see — with the rule of goal-access.ts
 * (`filterVisibleGoals`): those they manage, and those they had a target in once published — newest deadline first.
 */
import type { DbClient } from "@/server/db-client";
import { toIsoDay } from "@/server/domain/db-day";
import type { TeamScope } from "@/server/services/team/scope";
import { filterVisibleGoals } from "./goal-access";
import { goalsTargeting } from "@/server/queries/goal-split";

export async function listArchivedGoals(db: DbClient, scope: TeamScope) {
  const { actor } = scope;
  const goals = await db.goal.findMany({
    where: { teamId: actor.teamId, status: "ARCHIVED" },
    orderBy: [{ deadline: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      name: true,
      target: true,
      startDate: true,
      deadline: true,
      version: true,
      publishedAt: true,
      rootMembershipId: true,
      root: { select: { user: { select: { name: true } } } },
      metric: { select: { id: true, key: true, name: true, unit: true } },
    },
  });
  const mineIn = await goalsTargeting(db, { membershipId: actor.id, goalIds: goals.map((g) => g.id) });
  // Archived after publishing is seen as a published goal was; an archived draft only by those who manage it.
  const visible = await filterVisibleGoals(
    db,
    actor,
    goals.map((g) => ({ ...g, status: g.publishedAt ? "PUBLISHED" : "DRAFT", mine: mineIn.has(g.id) })),
  );
  return visible.map((g) => ({
    id: g.id,
    name: g.name,
    target: g.target,
    startDate: toIsoDay(g.startDate),
    deadline: toIsoDay(g.deadline),
    version: g.version,
    wasPublished: g.publishedAt !== null,
    rootName: g.root.user.name,
    metric: g.metric,
    manages: g.manages,
  }));
}
