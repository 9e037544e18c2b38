/**
 * Loads the caller's active membership in a team, once per request (used by `teamProcedure`).
 * A user who is not an active member gets NOT_FOUND: a team you are not in does not exist for you.
 * ONE query (membership joined with its team): it runs before every team procedure, so a second round trip for
 * the team would cost every request (docs/PERFORMANCE.md).
 */
import { Prisma } from "@/generated/prisma/client";
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
  backdateDays: true,
  uplineCanEditEntries: true,
} as const;

export interface ActorMembership {
  id: string;
  teamId: string;
  userId: string;
  parentId: string | null;
  role: Role;
  /**
   * The member's own IANA time zone; null = the team's (server/clock.ts `memberTimeZone`). `loadTeamAccess` loads
   * it with the access check, so logging needs no extra read; absent when a caller built the actor another way.
   */
  timeZone?: string | null;
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
    /** Logging window and upline edits (the Log's settings, so logging needs no second read of the team). */
    backdateDays: number;
    uplineCanEditEntries: boolean;
  };
}

export async function loadTeamAccess(db: DbClient, args: { teamId: string; userId: string }): Promise<TeamAccess> {
  const rows = await db.$queryRaw<
    (Omit<ActorMembership, "timeZone"> & Omit<TeamAccess["team"], "id"> & { memberTimeZone: string | null })[]
  >(Prisma.sql`
    SELECT m.id, m."teamId", m."userId", m."parentId", m.role::text AS role, m."timeZone" AS "memberTimeZone",
           t.slug, t.name, t.currency, t."timeZone", t."weekStartsOn", t."workingDays", t."membersCanInvite",
           t."backdateDays", t."uplineCanEditEntries"
      FROM "Membership" m
      JOIN "Team" t ON t.id = m."teamId"
     WHERE m."teamId" = ${args.teamId} AND m."userId" = ${args.userId} AND m.status = 'ACTIVE'
     LIMIT 1`);
  const row = rows[0];
  if (!row) throw notFound("Team");
  return {
    membership: {
      id: row.id,
      teamId: row.teamId,
      userId: row.userId,
      parentId: row.parentId,
      role: row.role,
      timeZone: row.memberTimeZone,
    },
    team: {
      id: row.teamId,
      slug: row.slug,
      name: row.name,
      currency: row.currency,
      timeZone: row.timeZone,
      weekStartsOn: row.weekStartsOn,
      workingDays: row.workingDays,
      membersCanInvite: row.membersCanInvite,
      backdateDays: row.backdateDays,
      uplineCanEditEntries: row.uplineCanEditEntries,
    },
  };
}
