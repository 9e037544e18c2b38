/** The team owner switches the dashboard leaderboard on or off (owner only: `leaderboardSettingsProcedure`). */
import type { DbClient } from "@/server/db-client";
import type { TeamScope } from "@/server/services/team/scope";

export async function setLeaderboardEnabled(db: DbClient, scope: TeamScope, input: { enabled: boolean }) {
  return db.team.update({
    where: { id: scope.team.id },
    data: { leaderboardEnabled: input.enabled },
    select: { leaderboardEnabled: true },
  });
}
