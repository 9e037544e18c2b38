/** The team owner switches the dashboard leaderboard on or off. */
import type { DbClient } from "@/server/db-client";
import { forbidden } from "@/server/errors";
import type { ActorMembership } from "@/server/services/team/load-team-access";

export async function setLeaderboardEnabled(db: DbClient, args: { actor: ActorMembership; enabled: boolean }) {
  if (args.actor.role !== "OWNER") throw forbidden("Only the team owner can switch the leaderboard on or off.");
  const team = await db.team.update({
    where: { id: args.actor.teamId },
    data: { leaderboardEnabled: args.enabled },
    select: { leaderboardEnabled: true },
  });
  return team;
}
