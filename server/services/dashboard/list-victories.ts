/**
 * Victories across a visible subtree (the actor's own by default; the owner's: everyone), newest first, with cheer
 * counts and whether the actor already cheered. One query (server/queries/dashboard.ts); the root comes checked from
 * the procedure (server/api/policy/dashboard.ts).
 */
import type { DbClient } from "@/server/db-client";
import { victoriesInSubtree, type VictoryItem } from "@/server/queries/dashboard";
import type { TeamScope } from "@/server/services/team/scope";

export type { VictoryItem } from "@/server/queries/dashboard";

export function listVictories(
  db: DbClient,
  scope: TeamScope,
  input: { rootId: string; limit: number },
): Promise<VictoryItem[]> {
  return victoriesInSubtree(db, {
    teamId: scope.team.id,
    rootId: input.rootId,
    viewerId: scope.actor.id,
    limit: input.limit,
    from: "0001-01-01",
    to: "9999-12-31",
  });
}
