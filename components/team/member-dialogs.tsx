"use client";
/**
 * The Team page's dialogs (invite, move, remove, split weight), one at a time. The last dialog's payload stays mounted while it
 * closes, so Radix can return focus properly; each opening gets a fresh dialog (form state, errors).
 */
import { useCallback, useState } from "react";
import { InviteDialog } from "./invite-dialog";
import { MoveMemberDialog } from "./move-member-dialog";
import type { Viewer } from "./permissions";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { SplitWeightDialog } from "./split-weight-dialog";
import type { TreeIndex } from "./tree-model";
import type { MemberNode } from "./types";

export type OpenDialog =
  | { kind: "invite"; parentId: string; returnFocusTo: string }
  // The member is a snapshot: a removed member's dialog must outlive their row while it closes.
  | { kind: "move" | "remove" | "weight"; member: MemberNode; returnFocusTo: string };

export function useMemberDialogs() {
  const [dialog, setDialogPayload] = useState<OpenDialog | null>(null);
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(0);
  const show = useCallback((next: OpenDialog) => {
    setDialogPayload(next);
    setKey((k) => k + 1);
    setOpen(true);
  }, []);
  const onOpenChange = useCallback((next: boolean) => {
    if (!next) setOpen(false);
  }, []);
  return { dialog, open, key, show, onOpenChange };
}

export function MemberDialogs({
  state,
  index,
  sortedNodes,
  viewer,
  mySubtree,
}: {
  state: ReturnType<typeof useMemberDialogs>;
  index: TreeIndex<MemberNode>;
  /** Everyone in view, by name. */
  sortedNodes: readonly MemberNode[];
  viewer: Viewer;
  mySubtree: ReadonlySet<string>;
}) {
  const { dialog, open, key, onOpenChange } = state;
  if (!dialog) return null;
  if (dialog.kind === "invite") {
    return (
      <InviteDialog
        key={key}
        open={open}
        onOpenChange={onOpenChange}
        initialParentId={dialog.parentId}
        index={index}
        sortedNodes={inviteCandidates(sortedNodes, viewer, mySubtree)}
        returnFocusTo={dialog.returnFocusTo}
      />
    );
  }
  const member = index.byId.get(dialog.member.id) ?? dialog.member;
  if (dialog.kind === "weight") {
    return (
      <SplitWeightDialog
        key={key}
        open={open}
        onOpenChange={onOpenChange}
        member={member}
        returnFocusTo={dialog.returnFocusTo}
      />
    );
  }
  if (dialog.kind === "move") {
    return (
      <MoveMemberDialog
        key={key}
        open={open}
        onOpenChange={onOpenChange}
        member={member}
        index={index}
        sortedNodes={moveTargets(sortedNodes, viewer, mySubtree)}
        returnFocusTo={dialog.returnFocusTo}
      />
    );
  }
  return (
    <RemoveMemberDialog
      key={key}
      open={open}
      onOpenChange={onOpenChange}
      member={member}
      uplineName={member.parentId ? index.byId.get(member.parentId)?.name : undefined}
      returnFocusTo={dialog.returnFocusTo}
    />
  );
}

/** Owner: anyone; leader: themselves and their downline; member: only themselves. */
function inviteCandidates(sorted: readonly MemberNode[], viewer: Viewer, mySubtree: ReadonlySet<string>): MemberNode[] {
  if (viewer.role === "OWNER") return [...sorted];
  if (viewer.role === "LEADER") return sorted.filter((n) => mySubtree.has(n.id));
  return sorted.filter((n) => n.id === viewer.membershipId);
}

/** A member can be moved under anyone the viewer can see and manage the branch of (self included). */
function moveTargets(sorted: readonly MemberNode[], viewer: Viewer, mySubtree: ReadonlySet<string>): MemberNode[] {
  return viewer.role === "OWNER" ? [...sorted] : sorted.filter((n) => mySubtree.has(n.id));
}
