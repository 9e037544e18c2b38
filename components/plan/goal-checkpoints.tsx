"use client";
/** The custom curve's checkpoints on the new-goal form: "this amount with N weeks to go", added and removed. */
import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { GoalFormValues } from "./goal-form-schema";

export function GoalCheckpoints({
  control,
  register,
  errors,
  amountLabel,
  inputMode,
}: {
  control: Control<GoalFormValues>;
  register: UseFormRegister<GoalFormValues>;
  errors: FieldErrors<GoalFormValues>["checkpoints"];
  /** The label of an amount field, with the currency for money. */
  amountLabel: (label: string) => string;
  inputMode: "decimal" | "numeric";
}) {
  const checkpoints = useFieldArray({ control, name: "checkpoints" });
  const message = errors?.root?.message ?? errors?.message;
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
      <legend className="px-1 font-semibold">Checkpoints</legend>
      <p className="text-sm text-slate-700">
        Where you want to be, counted back from the deadline — e.g. 42,000 with 1 week to go.
      </p>
      {checkpoints.fields.map((f, i) => (
        // Narrow (a phone, or a card inside a card): the amount takes its own line, weeks and "remove" below it.
        <div key={f.id} className="flex flex-wrap items-end gap-2">
          <TextField
            className="min-w-40 flex-1"
            label={amountLabel(`Checkpoint ${i + 1}: amount`)}
            inputMode={inputMode}
            autoComplete="off"
            {...register(`checkpoints.${i}.amount`)}
            error={errors?.[i]?.amount?.message}
          />
          <TextField
            className="w-36"
            label={`Checkpoint ${i + 1}: weeks to go`}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            {...register(`checkpoints.${i}.weeksToGo`, { valueAsNumber: true })}
            error={errors?.[i]?.weeksToGo?.message}
          />
          <Button variant="ghost" onClick={() => checkpoints.remove(i)} aria-label={`Remove checkpoint ${i + 1}`}>
            <Trash2 aria-hidden className="size-5" />
          </Button>
        </div>
      ))}
      {message ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {message}
        </p>
      ) : null}
      <Button variant="secondary" size="sm" onClick={() => checkpoints.append({ amount: "", weeksToGo: 1 })}>
        <Plus aria-hidden className="size-4" /> Add checkpoint
      </Button>
    </fieldset>
  );
}
