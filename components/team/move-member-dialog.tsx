"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { ZMoveMemberInput } from "@/server/schemas/member";
import { useTRPC } from "@/trpc/react";
import { DialogShell, type DialogControl } from "./dialog-shell";
import { MemberPicker } from "./member-picker";
import { subtreeIds, type TreeIndex } from "./tree-model";
import type { MemberNode } from "./types";

/** The new upline, picked from the list (the procedure's id once one is chosen). */
const ZMoveForm = z.object({
  newParentId: z.string().min(1, "Choose who they should move under.").pipe(ZMoveMemberInput.shape.newParentId),
});
type MoveIn = z.input<typeof ZMoveForm>;
type MoveOut = z.output<typeof ZMoveForm>;

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
  const { control, handleSubmit, setError, clearErrors, formState } = useForm<MoveIn, unknown, MoveOut>({
    resolver: zodResolver(ZMoveForm),
    defaultValues: { newParentId: "" },
  });

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
      onError: (err) => setServerErrors(err, setError, ["newParentId"]),
    }),
  );
  const submit = handleSubmit(({ newParentId }) => move.mutate({ teamId: team.id, memberId: member.id, newParentId }));

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
      <form className="space-y-4" onSubmit={(e) => void submit(e)} noValidate>
        <Controller
          control={control}
          name="newParentId"
          render={({ field, fieldState }) => (
            <MemberPicker
              legend="Move under"
              candidates={candidates}
              value={field.value || null}
              onChange={(id) => {
                field.onChange(id);
                clearErrors();
              }}
              meId={team.membershipId}
              uplineName={(n) => (n.parentId ? index.byId.get(n.parentId)?.name : undefined)}
              error={fieldState.error?.message}
            />
          )}
        />
        <FormAlert message={formState.errors.root?.server?.message} />
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
