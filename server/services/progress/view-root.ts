/**
 * The subtree a dashboard or review read starts from, checked, so services receive a root already allowed. Called by
 * the procedure builders of server/api/policy/dashboard.ts and review.ts; at most two queries, each a walk up from
 * one member (the cost is the member's depth, not the subtree's size).
 *
 * - `resolveViewRoot`: the requested member if the actor may see them (NOT_FOUND otherwise, no hint they exist;
 *   server/services/team/permissions.ts), else the actor's own node (the owner's node is the team root).
 * - `resolveGoalViewRoot`: the same, inside a goal's branch. A goal's numbers exist only for its root and the root's
 *   downline, so a root above the goal's (the actor's own node, by default, when they look at a goal set for a branch
 *   below them) reads the goal's root; a root beside the branch is NOT_FOUND: no review, roll-up or chart of a goal
 *   is ever read for people the goal does not cover, whoever may see them.
 */
import type { DbClient } from "@/server/db-client";
import { AppError } from "@/server/errors";
import { isInSubtree } from "@/server/queries/tree";
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

export async function resolveGoalViewRoot(
  db: DbClient,
  actor: ActorMembership,
  goalRootId: string,
  rootId: string | undefined,
): Promise<string> {
  const root = await resolveViewRoot(db, actor, rootId);
  if (root === goalRootId) return root;
  const teamId = actor.teamId;
  if (await isInSubtree(db, { teamId, ancestorId: goalRootId, memberId: root })) return root;
  if (await isInSubtree(db, { teamId, ancestorId: root, memberId: goalRootId })) return goalRootId;
  throw new AppError("NOT_FOUND", "That member is not in this goal's branch.");
}
