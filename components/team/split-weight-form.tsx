"use client";
/**
 * A member's split weight — their share under a goal's weighted split, as a percentage of a full-time share (100 =
 * full time, 50 = half time) — set by whoever manages them (`member.setSplitWeight`). Used in the Team page's dialog
 * and inline in a weighted goal's preview; after a save the tree and any goal preview are read again.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { cn } from "@/components/ui/cn";
import { ZSplitWeightForm } from "@/server/schemas/profile";
import { useTRPC } from "@/trpc/react";

type In = z.input<typeof ZSplitWeightForm>;
type Out = z.output<typeof ZSplitWeightForm>;

export interface SplitWeightSaved {
  id: string;
  splitWeight: number;
  label: string;
}

export function SplitWeightForm({
  memberId,
  memberName,
  current,
  onSaved,
  compact = false,
  children,
}: {
  memberId: string;
  memberName: string;
  current: number;
  onSaved?: (saved: SplitWeightSaved) => void;
  /** Inline (a table cell): a smaller field and button, the hint for screen readers only. */
  compact?: boolean;
  /** Extra buttons (a dialog's Cancel). */
  children?: React.ReactNode;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(ZSplitWeightForm),
    defaultValues: { splitWeight: String(current) },
  });
  const save = useMutation(
    trpc.member.setSplitWeight.mutationOptions({
      onSuccess: async (saved) => {
        form.reset({ splitWeight: String(saved.splitWeight) });
        await Promise.all([
          queryClient.invalidateQueries(trpc.member.tree.pathFilter()),
          queryClient.invalidateQueries(trpc.goal.preview.pathFilter()),
        ]);
        onSaved?.(saved);
      },
      onError: (err) => setServerErrors(err, form.setError, ["splitWeight"]),
    }),
  );
  const submit = form.handleSubmit(({ splitWeight }) =>
    save.mutate({ teamId: team.id, memberId, splitWeight: splitWeight! }),
  );
  const { errors, isDirty } = form.formState;
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Split weight of ${memberName}`}
      className={cn(compact ? "space-y-1" : "space-y-4")}
    >
      <div className={cn("flex flex-wrap items-end", compact ? "gap-1" : "gap-2")}>
        <TextField
          label={compact ? `Weight of ${memberName} (%)` : "Share of a full-time member (%)"}
          inputMode="numeric"
          autoComplete="off"
          hint={compact ? undefined : "100 = full time, 50 = half time, 0 = no share of their own. Up to 300."}
          className={cn("min-w-0", compact ? "w-28 [&_label]:sr-only" : "flex-1 basis-40")}
          {...form.register("splitWeight")}
          error={errors.splitWeight?.message}
        />
        <Button type="submit" size={compact ? "sm" : "md"} busy={save.isPending} disabled={compact && !isDirty}>
          {compact ? "Set" : "Save weight"}
        </Button>
        {children}
      </div>
      <FormAlert message={errors.root?.server?.message} />
    </form>
  );
}
