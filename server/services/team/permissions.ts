/**
 * The visibility and management rules, in one place. Every service that touches another member goes
 * through these; each check is one SQL query (see server/services/tree/subtree.ts).
 *
 * - OWNER sees and manages everyone in the team.
 * - LEADER sees and manages their downline (not themselves, not anyone above or beside them).
 * - MEMBER sees themselves and their downline, manages no one.
 * - Everyone sees the names of their own upline chain (served by listUplineChain).
 */
import type { DbClient } from "@/server/db-client";
import { forbidden, notFound } from "@/server/errors";
import { isInSubtree } from "@/server/services/tree/subtree";
import type { ActorMembership } from "./load-team-access";

/** True if the actor may see the member's data (themselves or someone in their downline; owner: anyone). */
export async function canView(db: DbClient, actor: ActorMembership, memberId: string): Promise<boolean> {
  if (actor.id === memberId) return true;
  if (actor.role === "OWNER") return isActiveMember(db, actor.teamId, memberId);
  return isInSubtree(db, { teamId: actor.teamId, ancestorId: actor.id, memberId });
}

/** Throws NOT_FOUND unless the actor may see the member (no hint whether the member exists). */
export async function assertCanView(db: DbClient, actor: ActorMembership, memberId: string): Promise<void> {
  if (!(await canView(db, actor, memberId))) throw notFound("Member");
}

/**
 * Throws unless the actor may manage the member: the owner manages everyone but themselves as root;
 * a leader manages their strict downline. Someone the actor cannot even see is NOT_FOUND.
 */
export async function assertCanManage(db: DbClient, actor: ActorMembership, memberId: string): Promise<void> {
  if (actor.role === "MEMBER") {
    await assertCanView(db, actor, memberId);
    throw forbidden("Only the team owner and leaders can manage members.");
  }
  if (actor.id === memberId) throw forbidden("You cannot do this to yourself.");
  await assertCanView(db, actor, memberId);
}

async function isActiveMember(db: DbClient, teamId: string, memberId: string): Promise<boolean> {
  const found = await db.membership.findFirst({ where: { id: memberId, teamId, status: "ACTIVE" }, select: { id: true } });
  return found !== null;
}
