/** Deletes a rank (the owner: `settingsProcedure`, server/api/policy/rank.ts). */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import type { TeamScope } from "@/server/services/team/scope";

export async function deleteRank(db: DbClient, scope: TeamScope, input: { rankId: string }) {
  const { count } = await db.rank.deleteMany({ where: { id: input.rankId, teamId: scope.team.id } });
  if (count === 0) throw notFound("Rank");
  return { id: input.rankId };
}
