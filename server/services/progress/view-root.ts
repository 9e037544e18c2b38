/**
 * The subtree a dashboard or review read starts from: the requested member if the actor may see them (NOT_FOUND
 * otherwise, no hint they exist; server/services/team/permissions.ts), else the actor's own node (the owner's node is
 * the team root). At most one query. Called by the procedure builders of server/api/policy/dashboard.ts and
 * review.ts, so services receive a root already checked.
 */
import type { DbClient } from "@/server/db-client";
import { assertCanView } from "@/server/services/team/permissions";
import type { ActorMembership } from "@/server/services/team/scope";

export async function resolveViewRoot(
  db: DbClient,
  actor: ActorMembership,
  rootId: string | undefined,
): Promise<string> {
  if (!rootId || rootId === actor.id) return actor.id;
  await assertCanView(db, actor, rootId);
  return rootId;
}
