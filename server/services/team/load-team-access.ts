/**
 * Loads the caller's active membership in a team, once per request (used by `teamProcedure`).
 * A user who is not an active member gets NOT_FOUND: a team you are not in does not exist for you.
 */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import type { Role } from "@/generated/prisma/enums";

export const teamAccessSelect = {
  id: true,
  slug: true,
  name: true,
  currency: true,
  timeZone: true,
  weekStartsOn: true,
  workingDays: true,
  membersCanInvite: true,
} as const;

export interface ActorMembership {
  id: string;
  teamId: string;
  userId: string;
  parentId: string | null;
  role: Role;
}

export interface TeamAccess {
  membership: ActorMembership;
  team: {
    id: string;
    slug: string;
    name: string;
    currency: string;
    timeZone: string;
    weekStartsOn: number;
    workingDays: number[];
    membersCanInvite: boolean;
  };
}

export async function loadTeamAccess(db: DbClient, args: { teamId: string; userId: string }): Promise<TeamAccess> {
  const membership = await db.membership.findFirst({
    where: { teamId: args.teamId, userId: args.userId, status: "ACTIVE" },
    select: { id: true, teamId: true, userId: true, parentId: true, role: true, team: { select: teamAccessSelect } },
  });
  if (!membership) throw notFound("Team");
  const { team, ...rest } = membership;
  return { membership: rest, team };
}
