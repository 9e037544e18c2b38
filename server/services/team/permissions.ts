/**
 * The visibility and management rules, in one place. Every service that touches another member goes
 * through these; each check is one SQL query (see server/queries/tree.ts).
 *
 * - OWNER sees and manages everyone in the team.
 * - LEADER sees and manages their downline (not themselves, not anyone above or beside them).
 * - MEMBER sees themselves and their downline, manages no one.
 * - Everyone sees the names of their own upline chain (served by listUplineChain).
 * - Roles follow the tree: the upline powers over one's OWN branch — set goals for it, decide its proposals, run its
 *   weekly review — belong to whoever leads a branch (`actor.leadsBranch`): the owner, a leader, or any sponsor with
 *   a downline where the team lets sponsors lead (`Team.sponsorsLeadBranches`, on by default). Roles remain for the
 *   powers beyond that: managing members (move, remove, roles), importing, the team's holidays (leaders), the
 *   team's settings (the owner). docs/RELIABILITY.md has the model as a table.
 * - Team-wide settings are not a subtree's: the owner changes metrics, funnels and ranks (SETTINGS_EDITORS); the
 *   owner and every leader change the team's holidays (HOLIDAY_MANAGERS). Everyone in the team reads both.
 *
 * Procedures declare these rules on the line that declares them, through the builders of server/api/policy/.
 */
import type { DbClient } from "@/server/db-client";
import { forbidden, notFound } from "@/server/errors";
import { isInSubtree } from "@/server/queries/tree";
import type { Role } from "@/generated/prisma/enums";
import type { ActorMembership } from "./load-team-access";

/** Who changes the team's metrics, funnels and ranks. */
export const SETTINGS_EDITORS: readonly Role[] = ["OWNER"];
/** Who changes the team's holidays (the team's, not a subtree's: every leader, not only those above someone). */
export const HOLIDAY_MANAGERS: readonly Role[] = ["OWNER", "LEADER"];

/** Whether the holidays screen offers changes to this member. */
export const canManageHolidays = (actor: Pick<ActorMembership, "role">): boolean =>
  HOLIDAY_MANAGERS.includes(actor.role);

/** True if the actor may see the member's data (themselves or someone in their downline; owner: anyone). */
export async function canView(db: DbClient, actor: ActorMembership, memberId: string): Promise<boolean> {
  if (actor.id === memberId) return true;
  if (actor.role === "OWNER") return isActiveMember(db, actor.teamId, memberId);
  return isInSubtree(db, { teamId: actor.teamId, ancestorId: actor.id, memberId });
}

/**
 * May the actor see this member's numbers (themselves or their downline; the owner: any id, without the active-member
 * check of `canView`)? The subject rule of a goal's history and of rank progress (server/api/policy/goal.ts, rank.ts).
 */
export async function canSeeMember(db: DbClient, actor: ActorMembership, memberId: string): Promise<boolean> {
  if (actor.id === memberId || actor.role === "OWNER") return true;
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

/** The words of a refusal for someone who leads no branch. */
export const BRANCH_LEADERS = "the team owner, leaders and sponsors with a downline";

/**
 * Throws unless the actor has the upline powers over this member: they lead a branch (`actor.leadsBranch`) and the
 * member is in their strict downline (the owner: anyone but themselves). Someone the actor cannot even see is
 * NOT_FOUND, before anything is FORBIDDEN.
 */
export async function assertLeadsBranchOf(
  db: DbClient,
  actor: ActorMembership,
  memberId: string,
  action: string,
): Promise<void> {
  await assertCanView(db, actor, memberId);
  if (!actor.leadsBranch) throw forbidden(`Only ${BRANCH_LEADERS} can ${action}.`);
  if (actor.id === memberId) throw forbidden("You cannot do this to yourself.");
}

async function isActiveMember(db: DbClient, teamId: string, memberId: string): Promise<boolean> {
  const found = await db.membership.findFirst({
    where: { id: memberId, teamId, status: "ACTIVE" },
    select: { id: true },
  });
  return found !== null;
}

/**
 * The names list's privacy rule (issue 18), its one home. A person on a names list is its owner's alone:
 * - "edit": the owner of the list (`person.membershipId` is the caller's membership) reads and changes it, also
 *   after their removal from the team (their list stays theirs, never handed to the team);
 * - "read": a person the owner shares with their upline (`sharedWithUpline`) is readable, never editable, by the
 *   owner's upline chain and the team owner — while the list's owner is an active member (`canView`);
 * - null: anyone else, uplines included, answer NOT_FOUND (no hint the person exists). Uplines see counts per stage
 *   of their downline's lists (server/services/person/team-view.ts), never names or contact details.
 * `actor` is null for a removed member reading their own list.
 */
export type PersonAccess = "edit" | "read" | null;
export async function personAccess(
  db: DbClient,
  reader: { membershipId: string; actor: ActorMembership | null },
  person: { membershipId: string; sharedWithUpline: boolean },
): Promise<PersonAccess> {
  if (person.membershipId === reader.membershipId) return "edit";
  if (!reader.actor || !person.sharedWithUpline) return null;
  return (await canView(db, reader.actor, person.membershipId)) ? "read" : null;
}
