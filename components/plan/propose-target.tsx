"use client";
/** A member proposes a different personal target (bottom-up commit); their upline accepts or declines it. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useTRPC } from "@/trpc/react";
import { fromMinor, toMinor } from "./format";

export function ProposeTarget({ goalId, current, unit }: { goalId: string; current: number; unit: string }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState(String(fromMinor(current, unit)));
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();
  const formId = useId();
  const propose = useMutation(
    trpc.goal.proposeTarget.mutationOptions({
      onSuccess: () => {
        toast.success("Proposal sent to your upline.");
        setOpen(false);
        void queryClient.invalidateQueries({ queryKey: trpc.goal.proposals.queryKey() });
      },
      onError: (e) => setError(e.message),
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(amount);
    if (!Number.isFinite(value) || value < 0) {
      setError("Enter an amount of zero or more.");
      return;
    }
    setError(undefined);
    propose.mutate({ teamId: team.id, goalId, proposed: toMinor(value, unit), note: note.trim() || undefined });
  };

  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-expanded={false} aria-controls={formId}>
        Propose a different target
      </Button>
    );
  }
  return (
    <form id={formId} onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 p-3" aria-label="Propose a different target">
      <TextField
        label={unit === "MONEY" ? `My proposed target (${team.currency})` : "My proposed target"}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={error}
        autoFocus
      />
      <TextField label="Note for your upline (optional)" value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} />
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
