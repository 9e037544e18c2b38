"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { formErrorsFrom } from "@/components/ui/form-error";
import { useTRPC } from "@/trpc/react";
import { DialogShell, type DialogControl } from "./dialog-shell";
import { MemberPicker } from "./member-picker";
import { subtreeIds, type TreeIndex } from "./tree-model";
import type { MemberNode } from "./types";

/** Move a member (with their whole downline) under a new upline chosen from the viewer's own subtree. */
export function MoveMemberDialog({
  member,
  index,
  sortedNodes,
  open,
  onOpenChange,
  returnFocusTo,
}: DialogControl & {
  member: MemberNode;
  index: TreeIndex<MemberNode>;
  sortedNodes: readonly MemberNode[];
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [newParentId, setNewParentId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const currentUpline = member.parentId ? index.byId.get(member.parentId) : undefined;
  const candidates = useMemo(() => {
    // Not the member, not anyone in their downline (a cycle), not where they already are.
    const excluded = subtreeIds(index, member.id);
    return sortedNodes.filter((n) => !excluded.has(n.id) && n.id !== member.parentId);
  }, [index, sortedNodes, member.id, member.parentId]);

  const move = useMutation(
    trpc.member.move.mutationOptions({
      onSuccess: async (_result, input) => {
        const target = index.byId.get(input.newParentId);
        toast.success(`Moved ${member.name} under ${target?.name ?? "their new upline"}.`);
        onOpenChange(false);
        await queryClient.invalidateQueries(trpc.member.tree.pathFilter());
      },
      onError: (err) => {
        const { fields, message } = formErrorsFrom(err);
        setError(fields.newParentId ?? fields.memberId ?? message);
      },
    }),
  );

  const downline = member.descendantCount;
  return (
    <DialogShell
      open={open}
      onOpenChange={onOpenChange}
      returnFocusTo={returnFocusTo}
      title={`Move ${member.name}`}
      description={
        <>
          {downline > 0
            ? `${member.name} moves with their downline of ${downline.toLocaleString()} ${downline === 1 ? "person" : "people"}. `
            : ""}
          {currentUpline ? `They are now under ${currentUpline.name}.` : ""}
        </>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!newParentId) {
            setError("Choose who they should move under.");
            return;
          }
          setError(null);
          move.mutate({ teamId: team.id, memberId: member.id, newParentId });
        }}
      >
        <MemberPicker
          legend="Move under"
          candidates={candidates}
          value={newParentId}
          onChange={(id) => {
            setNewParentId(id);
            setError(null);
          }}
          meId={team.membershipId}
          uplineName={(n) => (n.parentId ? index.byId.get(n.parentId)?.name : undefined)}
          error={error ?? undefined}
        />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" busy={move.isPending}>
            {move.isPending ? "Moving…" : `Move ${member.name}`}
          </Button>
        </div>
      </form>
    </DialogShell>
  );
}
