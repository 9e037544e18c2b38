/**
 * Victories across the actor's visible team (their subtree; the owner: everyone), newest first, with cheer counts
 * and whether the actor already cheered. One query.
 */
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import type { ActorMembership } from "@/server/services/team/load-team-access";
import { resolveDashboardRoot } from "./resolve-dashboard-root";
import { subtreeCte } from "@/server/services/tree/subtree";

export interface VictoryItem {
  id: string;
  kind: string;
  title: string;
  day: string;
  memberId: string;
  name: string;
  cheers: number;
  cheeredByMe: boolean;
}

export async function listVictories(
  db: DbClient,
  args: { actor: ActorMembership; rootId?: string; limit: number; from?: string; to?: string },
): Promise<VictoryItem[]> {
  const rootId = await resolveDashboardRoot(db, args.actor, args.rootId);
  const from = args.from ?? "0001-01-01";
  const to = args.to ?? "9999-12-31";
  return db.$queryRaw<VictoryItem[]>(Prisma.sql`${subtreeCte({ teamId: args.actor.teamId, rootId })}
    SELECT v.id, v.kind::text AS kind, v.title, to_char(v.day, 'YYYY-MM-DD') AS day, v."membershipId" AS "memberId", u.name,
           (SELECT COUNT(*)::int FROM "Cheer" c WHERE c."victoryId" = v.id) AS cheers,
           EXISTS (SELECT 1 FROM "Cheer" c WHERE c."victoryId" = v.id AND c."membershipId" = ${args.actor.id}) AS "cheeredByMe"
      FROM "Victory" v
      JOIN down d ON d.id = v."membershipId"
      JOIN "Membership" m ON m.id = v."membershipId"
      JOIN "User" u ON u.id = m."userId"
     WHERE v."teamId" = ${args.actor.teamId} AND v.day >= ${from}::date AND v.day <= ${to}::date
     ORDER BY v.day DESC, v."createdAt" DESC
     LIMIT ${args.limit}`);
}
