"use client";
/**
 * "Move the goal's deadline or target instead" inside the re-plan dialog (replan-dialog.tsx), for whoever may change
 * the goal: the goal's own versioned change path (`goal.previewChange` / `goal.applyChange`, kinds "deadline" and
 * "target", server/schemas/goal.ts) — preview what changes for whom (the goal page's `ChangeDiff`), then save with the
 * goal's version, so a change made meanwhile is refused instead of overwritten. The form reads amounts with the goal
 * page's change schema (components/plan/change-schema.ts), the one money parser.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { formatDay } from "@/components/dashboard/format";
import { useTeam } from "@/components/layout/team-context";
import { ChangeDiff } from "@/components/plan/change-diff";
import { changeSchema, type ChangeIn } from "@/components/plan/change-schema";
import { StatusNote } from "@/components/plan/status";
import type { GoalChange } from "@/components/plan/types";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { amountFormatter, amountInputMode, amountToInput, type MetricUnit } from "@/server/domain/money";
import { useTRPC } from "@/trpc/react";

export interface MovableGoal {
  id: string;
  name: string;
  unit: MetricUnit;
  target: number;
  deadline: string;
  version: number;
}

export function MoveGoalForm({ goal, onDone }: { goal: MovableGoal; onDone: () => void }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fmt = amountFormatter(goal.unit, team.currency);
  const money = goal.unit === "MONEY";
  const schema = useMemo(() => changeSchema(goal.unit, team.currency), [goal.unit, team.currency]);
  const { register, handleSubmit, setError, control, formState } = useForm<ChangeIn, unknown, GoalChange>({
    resolver: zodResolver(schema),
    defaultValues: {
      kind: "deadline",
      memberId: "",
      personal: "",
      target: amountToInput(goal.target, goal.unit, team.currency),
      deadline: goal.deadline,
      split: "EVEN",
    },
  });
  const kind = useWatch({ control, name: "kind" });
  const errors = formState.errors;
  const [asked, setAsked] = useState<GoalChange | null>(null);
  const [reason, setReason] = useState("");
  const resultRef = useRef<HTMLHeadingElement>(null);

  const preview = useQuery({
    ...trpc.goal.previewChange.queryOptions({
      teamId: team.id,
      goalId: goal.id,
      change: asked ?? { kind: "deadline", deadline: goal.deadline },
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
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() }),
        ]);
        toast.success(`Saved. ${r.changed} ${r.changed === 1 ? "target" : "targets"} changed.`);
        onDone();
      },
      onError: (e) => setError("root", { message: e.message }),
    }),
  );

  const onPreview = handleSubmit((change) => setAsked(change));
  const reset = () => setAsked(null);

  return (
    <div className="space-y-4">
      <form onSubmit={(e) => void onPreview(e)} className="space-y-3" aria-label="Move the goal" noValidate>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">What to move (for everyone in {goal.name})</legend>
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" value="deadline" className="size-5" {...register("kind", { onChange: reset })} />
            The deadline (now {formatDay(goal.deadline)})
          </label>
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" value="target" className="size-5" {...register("kind", { onChange: reset })} />
            The target (now {fmt(goal.target)})
          </label>
        </fieldset>
        {kind === "deadline" ? (
          <TextField
            label="New deadline"
            type="date"
            {...register("deadline", { onChange: reset })}
            error={errors.deadline?.message}
          />
        ) : (
          <TextField
            label={money ? `New target (${team.currency})` : "New target"}
            inputMode={amountInputMode(goal.unit, team.currency)}
            autoComplete="off"
            {...register("target", { onChange: reset })}
            error={errors.target?.message}
          />
        )}
        <Button type="submit" variant="secondary" busy={preview.isFetching}>
          Preview who is affected
        </Button>
      </form>

      {asked && preview.isError && (
        <StatusNote tone="warn" label="Cannot preview:">
          {preview.error.message}
        </StatusNote>
      )}
      {asked && preview.data && !preview.isFetching && (
        <section className="space-y-3 rounded-lg border border-slate-300 p-3" data-testid="move-goal-preview">
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
              <FormAlert message={errors.root?.message} />
              <div className="flex flex-wrap gap-3">
                <Button
                  busy={apply.isPending}
                  onClick={() =>
                    apply.mutate({
                      teamId: team.id,
                      goalId: goal.id,
                      version: goal.version,
                      change: asked,
                      reason: reason.trim() || undefined,
                    })
                  }
                >
                  {kind === "deadline" ? "Move the deadline" : "Change the target"}
                </Button>
                <Button variant="ghost" onClick={onDone}>
                  Cancel
                </Button>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}
