"use client";
/**
 * Quick add (two taps: type a name, tap Add): a name is enough. "More details" opens the rest of the person's
 * fields. The person is written to the device first (usePeopleSync), so adding works offline too.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/field";
import { ZPersonForm, type TPersonFormIn, type TPersonFormOut, type TAddPersonInput } from "@/server/schemas/person";

const EMPTY: TPersonFormIn = {
  name: "",
  phone: "",
  email: "",
  handle: "",
  source: "",
  tags: "",
  notes: "",
  nextFollowUp: "",
  sharedWithUpline: false,
};

export function QuickAdd({ onAdd }: { onAdd: (input: TAddPersonInput) => Promise<void> }) {
  const [more, setMore] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const { register, handleSubmit, reset, setError, setFocus, formState } = useForm<
    TPersonFormIn,
    unknown,
    TPersonFormOut
  >({ resolver: zodResolver(ZPersonForm), defaultValues: EMPTY });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    try {
      await onAdd({ ...values, id: crypto.randomUUID(), nextFollowUp: values.nextFollowUp || null });
      setAdded(values.name);
      reset(EMPTY);
      setMore(false);
      setFocus("name");
    } catch {
      setError("root.server", { message: "Could not keep this person on the device. Try again." });
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Add a person" className="space-y-3">
      <div className="flex items-end gap-2">
        <TextField
          label="Add a name"
          autoComplete="off"
          placeholder="Name"
          className="min-w-0 flex-1"
          error={errors.name?.message}
          {...register("name")}
        />
        <Button type="submit" busy={isSubmitting} aria-label="Add">
          <Plus aria-hidden className="size-5" />
          <span>Add</span>
        </Button>
      </div>
      <button
        type="button"
        className="text-brand-700 text-sm font-medium underline underline-offset-2"
        aria-expanded={more}
        onClick={() => setMore((open) => !open)}
      >
        {more ? "Fewer details" : "More details"}
      </button>
      {more && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Phone" type="tel" autoComplete="off" error={errors.phone?.message} {...register("phone")} />
          <TextField
            label="Email"
            type="email"
            autoComplete="off"
            error={errors.email?.message}
            {...register("email")}
          />
          <TextField label="Social handle" placeholder="@name" error={errors.handle?.message} {...register("handle")} />
          <TextField label="Where they came from" error={errors.source?.message} {...register("source")} />
          <TextField label="Tags" hint="Separate with commas" error={errors.tags?.message} {...register("tags")} />
          <TextField
            label="Next follow-up"
            type="date"
            error={errors.nextFollowUp?.message}
            {...register("nextFollowUp")}
          />
          <div className="space-y-1 sm:col-span-2">
            <label htmlFor="quick-add-notes" className="block text-sm font-medium text-slate-800">
              Notes
            </label>
            <textarea
              id="quick-add-notes"
              rows={3}
              className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-base"
              {...register("notes")}
            />
            {errors.notes?.message && <p className="text-sm font-medium text-red-700">{errors.notes.message}</p>}
          </div>
        </div>
      )}
      <FormAlert message={errors.root?.server?.message} />
      <p aria-live="polite" className="sr-only">
        {added ? `${added} added to your list.` : ""}
      </p>
    </form>
  );
}
