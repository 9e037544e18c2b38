"use client";
/**
 * Change a published goal: a member's target by hand, the split, the deadline or the target. Every change is
 * previewed first — what changes for whom, from → to — and only then saved, with the goal's version so a change
 * made meanwhile by someone else is refused with a clear message instead of overwritten.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { amountFormatter, amountInputMode, amountToInput } from "@/server/domain/money";
import { useTRPC } from "@/trpc/react";
import { ChangePreview, useGoalChange } from "./change-preview";
import { changeSchema, type ChangeIn } from "./change-schema";
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
  const goalChange = useGoalChange({
    goalId: detail.goal.id,
    version: detail.goal.version,
    idle: { kind: "target", target: 1 },
    onSaved: async (r, clear) => {
      toast.success(`Saved. ${r.changed} ${r.changed === 1 ? "target" : "targets"} changed.`);
      clear();
      await queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
      onDone?.();
    },
    onError: (message) => setError("root", { message }),
  });
  const { setAsked, preview } = goalChange;

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

      <ChangePreview
        state={goalChange}
        format={fmt}
        testId="change-preview"
        reasonLabel="Reason (shown to the members whose target changes)"
        saveLabel="Save change"
      />
    </div>
  );
}
