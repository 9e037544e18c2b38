"use client";
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { focusById, overlayClass, panelClass, type DialogControl } from "./dialog-shell";
import type { MemberNode } from "./types";

/** Confirms removing a member: their direct downline moves up to their upline; history is kept. */
export function RemoveMemberDialog({
  member,
  uplineName,
  open,
  onOpenChange,
  returnFocusTo,
}: DialogControl & {
  member: MemberNode;
  uplineName: string | undefined;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const upline = uplineName ?? "their upline";

  const remove = useMutation(
    trpc.member.remove.mutationOptions({
      onSuccess: async (result) => {
        // Refresh first, so the dialog closes onto a tree without the removed row.
        await Promise.all([
          queryClient.invalidateQueries(trpc.member.tree.pathFilter()),
          queryClient.invalidateQueries(trpc.invite.list.pathFilter()),
        ]);
        onOpenChange(false);
        const moved = result.downlineMovedUp;
        toast.success(
          moved > 0
            ? `Removed ${member.name}. ${moved} ${moved === 1 ? "person" : "people"} moved up to ${upline}.`
            : `Removed ${member.name} from ${team.name}.`,
        );
      },
      onError: (err) => setError(err.message),
    }),
  );

  const direct = member.childCount;
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content
          className={panelClass}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            focusById(returnFocusTo);
          }}
        >
          <AlertDialog.Title className="text-xl font-semibold">Remove {member.name} from the team?</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="mt-3 space-y-2 text-slate-700">
              <p>
                {direct > 0
                  ? `Their ${direct === 1 ? "direct member moves" : `${direct} direct members move`} up to ${upline}, with everyone below them.`
                  : `They have no downline, so no one else moves.`}
              </p>
              <p>
                Their logged history is kept, and any invite links landing under them stop working. You can invite them
                back later.
              </p>
            </div>
          </AlertDialog.Description>
          {error && (
            <p
              role="alert"
              className="mt-4 rounded-lg border border-red-700 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
            >
              {error}
            </p>
          )}
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">Cancel</Button>
            </AlertDialog.Cancel>
            <Button
              variant="danger"
              busy={remove.isPending}
              onClick={() => {
                setError(null);
                remove.mutate({ teamId: team.id, memberId: member.id });
              }}
            >
              {remove.isPending ? "Removing…" : `Remove ${member.name}`}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
