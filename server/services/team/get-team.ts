/** The current team as the app shell shows it (`team.get`): its settings, my membership, whether I may change it. */
import type { DbClient } from "@/server/db-client";
import { canChangeTeamSettings } from "./team-settings";
import type { TeamScope } from "./scope";

export async function getTeam(db: DbClient, scope: TeamScope) {
  return { ...scope.team, me: scope.actor, canChangeSettings: await canChangeTeamSettings(db, scope) };
}
