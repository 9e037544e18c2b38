/**
 * What the signed-in member may do to each person in the tree — mirrors the server's rules so the UI
 * only offers allowed actions (the server still checks every call):
 * - OWNER manages everyone except themselves; LEADER manages their strict downline; MEMBER no one.
 * - The owner can never be moved, removed or re-roled.
 * - Owners and leaders may invite under anyone they can see (owner: whole team; leader: self + downline);
 *   members only under themselves, and only when the team allows it.
 */
import type { TeamRole } from "@/components/layout/team-context";

export interface Viewer {
  membershipId: string;
  role: TeamRole;
  membersCanInvite: boolean;
}

export interface RowPermissions {
  manage: boolean;
  inviteUnder: boolean;
}

export function canInviteAtAll(viewer: Viewer): boolean {
  return viewer.role !== "MEMBER" || viewer.membersCanInvite;
}

/** `mySubtree`: the viewer and everyone below them (the owner: everyone). */
export function rowPermissions(
  viewer: Viewer,
  node: { id: string; role: TeamRole },
  mySubtree: ReadonlySet<string>,
): RowPermissions {
  const isMe = node.id === viewer.membershipId;
  const inMine = viewer.role === "OWNER" || mySubtree.has(node.id);
  if (viewer.role === "MEMBER") return { manage: false, inviteUnder: isMe && viewer.membersCanInvite };
  return {
    manage: !isMe && node.role !== "OWNER" && inMine,
    inviteUnder: inMine,
  };
}
