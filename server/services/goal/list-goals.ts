/**
 * The goals a caller may see: those they manage (rooted in their subtree) and published ones they have a target in.
 * The list is filtered here, goal by goal, with the rule of goal-access.ts (`filterVisibleGoals`; `goalProcedure`
 * guards one goal).
 */
import type { DbClient } from "@/server/db-client";
import type { TeamScope } from "@/server/services/team/scope";
import { filterVisibleGoals } from "./goal-access";
import { toIsoDay } from "@/server/domain/db-day";
import { memberTargets } from "@/server/queries/goal-split";

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
    },
  });
  const mineIn = new Map(
    (await memberTargets(db, { membershipId: actor.id, goalIds: goals.map((g) => g.id) })).map((t) => [
      t.goalId,
      { personal: t.personal, team: t.team },
    ]),
  );
  const visible = await filterVisibleGoals(
    db,
    actor,
    goals.map((g) => ({ ...g, mine: mineIn.has(g.id) })),
  );
  return visible.map((g) => {
    const mine = mineIn.get(g.id) ?? null;
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
