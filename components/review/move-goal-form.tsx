"use client";
/**
 * "Move the goal's deadline or target instead" inside the re-plan dialog (replan-dialog.tsx), for whoever may change
 * the goal: the goal's own versioned change path (`goal.previewChange` / `goal.applyChange`, kinds "deadline" and
 * "target", server/schemas/goal.ts) — preview what changes for whom and save (components/plan/change-preview.tsx, as on the goal page) with the
 * goal's version, so a change made meanwhile is refused instead of overwritten. The form reads amounts with the goal
 * page's change schema (components/plan/change-schema.ts), the one money parser.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { formatDay } from "@/components/dashboard/format";
import { useTeam } from "@/components/layout/team-context";
import { ChangePreview, useGoalChange } from "@/components/plan/change-preview";
import { changeSchema, type ChangeIn } from "@/components/plan/change-schema";
import type { GoalChange } from "@/components/plan/types";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
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
  const goalChange = useGoalChange({
    goalId: goal.id,
    version: goal.version,
    idle: { kind: "deadline", deadline: goal.deadline },
    onSaved: async (r) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() }),
      ]);
      toast.success(`Saved. ${r.changed} ${r.changed === 1 ? "target" : "targets"} changed.`);
      onDone();
    },
    onError: (message) => setError("root", { message }),
  });
  const { setAsked, preview } = goalChange;

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

      <ChangePreview
        state={goalChange}
        format={fmt}
        testId="move-goal-preview"
        as="section"
        hideWhileFetching
        reasonLabel="Reason (shown to the members whose target changes)"
        saveLabel={kind === "deadline" ? "Move the deadline" : "Change the target"}
        alert={errors.root?.message}
        onCancel={onDone}
      />
    </div>
  );
}
