/**
 * The goals a caller may see: those they manage (rooted in their subtree) and published ones they have a target in.
 * The list is filtered here, goal by goal, with the rule of goal-access.ts (`filterVisibleGoals`; `goalProcedure`
 * guards one goal).
 */
import type { DbClient } from "@/server/db-client";
import type { TeamScope } from "@/server/services/team/scope";
import { filterVisibleGoals } from "./goal-access";
import { toIsoDay } from "@/server/domain/db-day";

export async function listGoals(db: DbClient, scope: TeamScope) {
  const { actor } = scope;
  const goals = await db.goal.findMany({
    where: { teamId: actor.teamId, status: { not: "ARCHIVED" } },
    orderBy: [{ status: "asc" }, { deadline: "asc" }],
    select: {
      id: true,
      name: true,
      status: true,
      target: true,
      baseline: true,
      startDate: true,
      deadline: true,
      version: true,
      rootMembershipId: true,
      root: { select: { user: { select: { name: true } } } },
      metric: { select: { id: true, key: true, name: true, unit: true } },
      targets: { where: { membershipId: actor.id }, select: { personal: true, team: true } },
    },
  });
  const visible = await filterVisibleGoals(
    db,
    actor,
    goals.map((g) => ({ ...g, mine: g.targets.length > 0 })),
  );
  return visible.map((g) => {
    const mine = g.targets[0] ?? null;
    return {
      id: g.id,
      name: g.name,
      status: g.status,
      target: g.target,
      baseline: g.baseline,
      startDate: toIsoDay(g.startDate),
      deadline: toIsoDay(g.deadline),
      version: g.version,
      rootName: g.root.user.name,
      metric: g.metric,
      manages: g.manages,
      mine,
    };
  });
}
