/** The caller's saved rank plans, newest first, each with its linked goals (anyone in the team: their own only). */
import type { DbClient } from "@/server/db-client";
import { toIsoDay } from "@/server/domain/db-day";
import type { TeamScope } from "@/server/services/team/scope";

export async function listMyRankPlans(db: DbClient, scope: TeamScope) {
  const plans = await db.rankPlan.findMany({
    where: { teamId: scope.team.id, membershipId: scope.actor.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      deadline: true,
      createdAt: true,
      rank: { select: { id: true, name: true } },
      goals: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          name: true,
          status: true,
          target: true,
          startDate: true,
          metric: { select: { name: true, unit: true } },
        },
      },
    },
  });
  return plans.map((p) => ({
    id: p.id,
    rank: p.rank,
    deadline: toIsoDay(p.deadline),
    goals: p.goals.map((g) => ({ ...g, startDate: toIsoDay(g.startDate) })),
  }));
}
