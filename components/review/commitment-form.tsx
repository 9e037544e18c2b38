"use client";
/**
 * One commitment's form, as the weekly review meeting enters a member's (commitments-step.tsx, on a shared screen)
 * and as a member enters their own (my-commitments.tsx, phone first): what they commit to and an optional number in
 * the unit of the goal under review, read by the one money parser. `onSave` is the procedure call; its field errors
 * go beside the fields, anything else above the buttons.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { amountInputMode, type MetricUnit } from "@/server/domain/money";
import { commitmentInput, commitmentSchema, type CommitmentFormIn, type CommitmentFormOut } from "./commitment-amount";

/** Fields at the meeting's size: read from across the room on a shared screen. */
export const MEETING_FIELD = "[&_label]:text-base [&_input]:min-h-12 [&_input]:text-xl [&_p]:text-base";

export interface CommitmentFormProps {
  unit: MetricUnit;
  currency: string;
  current: { text: string; amount: number | null } | null | undefined;
  textLabel: string;
  amountLabel: string;
  amountHint?: string;
  placeholder?: string;
  /** The meeting: larger fields side by side, the text field focused, Escape cancels. */
  meeting?: boolean;
  submitLabel: string;
  onSave: (values: CommitmentFormOut) => Promise<unknown>;
  onCancel?: () => void;
  /** The form's accessible name: a label, or the id of its heading. */
  label?: string;
  labelledBy?: string;
  /** Above the fields (the heading) and below them (who last entered it). */
  header: ReactNode;
  footer?: ReactNode;
}

export function CommitmentForm({
  unit,
  currency,
  current,
  textLabel,
  amountLabel,
  amountHint,
  placeholder,
  meeting = false,
  submitLabel,
  onSave,
  onCancel,
  label,
  labelledBy,
  header,
  footer,
}: CommitmentFormProps) {
  const schema = useMemo(() => commitmentSchema(unit, currency), [unit, currency]);
  const { register, handleSubmit, setError, formState } = useForm<CommitmentFormIn, unknown, CommitmentFormOut>({
    resolver: zodResolver(schema),
    defaultValues: { text: current?.text ?? "", amount: commitmentInput(current?.amount, unit, currency) },
  });
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    try {
      await onSave(values);
    } catch (error) {
      setServerErrors(error, setError, ["text", "amount"]);
    }
  });

  return (
    <form
      aria-label={label}
      aria-labelledby={labelledBy}
      className="space-y-3"
      noValidate
      onKeyDown={(e) => {
        if (e.key === "Escape" && onCancel) onCancel();
      }}
      onSubmit={(e) => void submit(e)}
    >
      {header}
      <div className={meeting ? "flex flex-wrap gap-3" : "space-y-3"}>
        <TextField
          label={textLabel}
          autoFocus={meeting}
          maxLength={280}
          required
          autoComplete="off"
          placeholder={placeholder}
          {...register("text")}
          error={errors.text?.message}
          className={meeting ? cn("min-w-64 flex-1", MEETING_FIELD) : undefined}
        />
        <TextField
          label={amountLabel}
          inputMode={amountInputMode(unit, currency)}
          autoComplete="off"
          hint={amountHint}
          {...register("amount")}
          error={errors.amount?.message}
          className={meeting ? cn("w-64", MEETING_FIELD) : undefined}
        />
      </div>
      {footer}
      <FormAlert message={errors.root?.server?.message} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" busy={formState.isSubmitting} className={meeting ? undefined : "w-full sm:w-auto"}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
