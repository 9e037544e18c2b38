"use client";
/** A member proposes a different personal target (bottom-up commit); their upline accepts or declines it. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { amountInputMode, amountToInput, type MetricUnit } from "@/server/domain/money";
import { zAmountText } from "@/server/schemas/money";
import { useTRPC } from "@/trpc/react";

function proposeSchema(unit: MetricUnit, currency: string) {
  return z.object({
    amount: zAmountText(unit, currency),
    note: z.string().trim().max(300, "At most 300 characters"),
  });
}
type ProposeIn = z.input<ReturnType<typeof proposeSchema>>;
type ProposeOut = z.output<ReturnType<typeof proposeSchema>>;

export function ProposeTarget({ goalId, current, unit }: { goalId: string; current: number; unit: MetricUnit }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const formId = useId();
  const schema = useMemo(() => proposeSchema(unit, team.currency), [unit, team.currency]);
  const { register, handleSubmit, setError, formState } = useForm<ProposeIn, unknown, ProposeOut>({
    resolver: zodResolver(schema),
    defaultValues: { amount: amountToInput(current, unit, team.currency), note: "" },
  });
  const propose = useMutation(
    trpc.goal.proposeTarget.mutationOptions({
      onSuccess: () => {
        toast.success("Proposal sent to your upline.");
        setOpen(false);
        void queryClient.invalidateQueries({ queryKey: trpc.goal.proposals.queryKey() });
      },
      onError: (e) => setError("amount", { message: e.message }),
    }),
  );
  const submit = handleSubmit((v) =>
    propose.mutate({ teamId: team.id, goalId, proposed: v.amount, note: v.note || undefined }),
  );

  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-expanded={false} aria-controls={formId}>
        Propose a different target
      </Button>
    );
  }
  return (
    <form
      id={formId}
      onSubmit={(e) => void submit(e)}
      noValidate
      className="space-y-3 rounded-lg border border-slate-200 p-3"
      aria-label="Propose a different target"
    >
      <TextField
        label={unit === "MONEY" ? `My proposed target (${team.currency})` : "My proposed target"}
        inputMode={amountInputMode(unit, team.currency)}
        autoComplete="off"
        {...register("amount")}
        error={formState.errors.amount?.message}
        autoFocus
      />
      <TextField
        label="Note for your upline (optional)"
        maxLength={300}
        {...register("note")}
        error={formState.errors.note?.message}
      />
      <div className="flex gap-2">
        <Button type="submit" busy={propose.isPending}>
          Send proposal
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
