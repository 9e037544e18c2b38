"use client";
/**
 * Change a published goal: a member's target by hand, the split, the deadline or the target. Every change is
 * previewed first — what changes for whom, from → to — and only then saved, with the goal's version so a change
 * made meanwhile by someone else is refused with a clear message instead of overwritten.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { amountFormatter, amountInputMode, amountToInput } from "@/server/domain/money";
import { useTRPC } from "@/trpc/react";
import { ChangeDiff } from "./change-diff";
import { changeSchema, type ChangeIn } from "./change-schema";
import { StatusNote } from "./status";
import type { GoalChange, GoalDetail } from "./types";
import { FormAlert } from "@/components/ui/form-alert";

type Kind = GoalChange["kind"];

export function ChangePanel({
  detail,
  initialMemberId,
  onDone,
}: {
  detail: GoalDetail;
  initialMemberId?: string;
  onDone?: () => void;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unit = detail.metric.unit;
  const fmt = amountFormatter(unit, team.currency);
  const money = unit === "MONEY";
  const ids = useId();
  const people = detail.members;
  const personalOf = (id: string) => {
    const p = people.find((x) => x.id === id);
    return p?.personal != null ? amountToInput(p.personal, unit, team.currency) : "";
  };
  const initialMember = initialMemberId ?? people[1]?.id ?? people[0]?.id ?? "";
  const schema = useMemo(() => changeSchema(unit, team.currency), [unit, team.currency]);
  const { register, handleSubmit, setValue, setError, control, formState } = useForm<ChangeIn, unknown, GoalChange>({
    resolver: zodResolver(schema),
    defaultValues: {
      kind: initialMemberId ? "override" : "target",
      memberId: initialMember,
      personal: personalOf(initialMember),
      target: amountToInput(detail.goal.target, unit, team.currency),
      deadline: detail.goal.deadline,
      split: detail.goal.splitRule,
    },
  });
  const kind: Kind = useWatch({ control, name: "kind" });
  const errors = formState.errors;
  const [reason, setReason] = useState("");
  const [asked, setAsked] = useState<GoalChange | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const preview = useQuery({
    ...trpc.goal.previewChange.queryOptions({
      teamId: team.id,
      goalId: detail.goal.id,
      change: asked ?? { kind: "target", target: 1 },
    }),
    enabled: asked !== null,
    retry: false,
  });
  useEffect(() => {
    if (preview.data) resultRef.current?.focus();
  }, [preview.data]);

  const apply = useMutation(
    trpc.goal.applyChange.mutationOptions({
      onSuccess: async (r) => {
        toast.success(`Saved. ${r.changed} ${r.changed === 1 ? "target" : "targets"} changed.`);
        setAsked(null);
        setReason("");
        await queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
        onDone?.();
      },
      onError: (e) => setError("root", { message: e.message }),
    }),
  );

  const onPreview = handleSubmit((change) => setAsked(change));

  return (
    <div className="space-y-4">
      <form onSubmit={(e) => void onPreview(e)} className="space-y-3" aria-label="Change the goal" noValidate>
        <SelectField label="What to change" {...register("kind", { onChange: () => setAsked(null) })}>
          <option value="override">A member&apos;s target (set by hand)</option>
          <option value="target">The goal&apos;s target</option>
          <option value="deadline">The deadline</option>
          <option value="split">How it is split</option>
        </SelectField>
        {kind === "override" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              label="Member"
              id={`${ids}-member`}
              error={errors.memberId?.message}
              {...register("memberId", {
                onChange: (e: { target: { value: string } }) => {
                  setValue("personal", personalOf(e.target.value));
                  setAsked(null);
                },
              })}
            >
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label={money ? `Personal target (${team.currency})` : "Personal target"}
              inputMode={amountInputMode(unit, team.currency)}
              autoComplete="off"
              {...register("personal")}
              error={errors.personal?.message}
              hint="Kept when the goal is rebalanced. Leave empty to go back to the automatic share."
            />
          </div>
        )}
        {kind === "target" && (
          <TextField
            label={money ? `New target (${team.currency})` : "New target"}
            inputMode={amountInputMode(unit, team.currency)}
            autoComplete="off"
            {...register("target")}
            error={errors.target?.message}
          />
        )}
        {kind === "deadline" && (
          <TextField label="New deadline" type="date" {...register("deadline")} error={errors.deadline?.message} />
        )}
        {kind === "split" && (
          <SelectField label="Split between members" {...register("split")}>
            <option value="EVEN">Evenly</option>
            <option value="HISTORY">By recent results</option>
            <option value="WEIGHT">By each member&apos;s weight</option>
          </SelectField>
        )}
        <FormAlert message={errors.root?.message} />
        <Button type="submit" variant="secondary" busy={preview.isFetching}>
          Preview changes
        </Button>
      </form>

      {asked && preview.isError && (
        <StatusNote tone="warn" label="Cannot preview:">
          {preview.error.message}
        </StatusNote>
      )}
      {asked && preview.data && (
        <div className="space-y-3 rounded-lg border border-slate-300 p-3" data-testid="change-preview">
          <h3 ref={resultRef} tabIndex={-1} className="font-semibold outline-none">
            What changes for whom
          </h3>
          <ChangeDiff data={preview.data} format={fmt} />
          {preview.data.conflicts.length > 0 ? (
            <StatusNote tone="warn" label="Cannot be saved:">
              {preview.data.conflicts.map((c) => c.message).join(" ")}
            </StatusNote>
          ) : (
            <>
              <TextField
                label="Reason (shown to the members whose target changes)"
                value={reason}
                maxLength={200}
                onChange={(e) => setReason(e.target.value)}
              />
              <Button
                busy={apply.isPending}
                onClick={() =>
                  apply.mutate({
                    teamId: team.id,
                    goalId: detail.goal.id,
                    version: detail.goal.version,
                    change: asked,
                    reason: reason.trim() || undefined,
                  })
                }
              >
                Save change
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
