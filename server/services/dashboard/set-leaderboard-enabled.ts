/**
 * The dashboard's leaderboard switch (`dashboard.setLeaderboard`). The leaderboard's visibility is a team setting:
 * it is written by the one settings service (server/services/team/update-team-settings.ts), audited like every
 * other setting; the team settings page has the same switch.
 */
import type { Db } from "@/server/db-client";
import { updateTeamSettings } from "@/server/services/team/update-team-settings";
import type { TeamScope } from "@/server/services/team/scope";

export async function setLeaderboardEnabled(db: Db, scope: TeamScope, input: { enabled: boolean }) {
  const saved = await updateTeamSettings(db, scope, { leaderboardEnabled: input.enabled });
  return { leaderboardEnabled: saved.leaderboardEnabled };
}
