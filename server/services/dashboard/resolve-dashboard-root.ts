/**
 * The subtree a dashboard read starts from: the requested member if the actor may see them (NOT_FOUND otherwise,
 * no hint they exist), else the actor's own node (the owner's node is the team root). At most one query.
 */
import type { DbClient } from "@/server/db-client";
import { assertCanView } from "@/server/services/team/permissions";
import type { ActorMembership } from "@/server/services/team/load-team-access";

export async function resolveDashboardRoot(db: DbClient, actor: ActorMembership, rootId: string | undefined): Promise<string> {
  if (!rootId || rootId === actor.id) return actor.id;
  await assertCanView(db, actor, rootId);
  return rootId;
}
