"use client";
/**
 * The formats of dates and numbers in my emails (the account's, in every team): a language from the list the server
 * accepts, with an example in the team's currency made by the same functions the emails use.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormAlert, FormStatus } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { LOCALE_CHOICES, localeOf, type LocaleTag } from "@/server/domain/locale";
import { formatMoney } from "@/server/domain/money";
import { formatMailDay } from "@/server/mail/format";
import { ZSetLocaleInput } from "@/server/schemas/profile";
import { useTRPC } from "@/trpc/react";

interface Values {
  locale: LocaleTag | null;
}

export function LocaleForm({
  locale,
  today,
  onSaved,
}: {
  locale: string | null;
  today: string;
  onSaved: () => Promise<unknown>;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(ZSetLocaleInput),
    defaultValues: { locale: (locale as LocaleTag | null) ?? null },
  });
  const save = useMutation(trpc.auth.setLocale.mutationOptions());
  const chosen = localeOf(useWatch({ control: form.control, name: "locale" }));
  const example = `${formatMailDay(today, chosen)} · ${formatMoney(123450, team.currency, chosen)}`;
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null);
    try {
      const r = await save.mutateAsync(values);
      await onSaved();
      form.reset({ locale: (r.locale as LocaleTag | null) ?? null });
      setDone("Saved. Your next emails use these formats.");
    } catch (error) {
      setServerErrors(error, form.setError, ["locale"]);
    }
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Formats in emails" className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          label="Dates and numbers in emails"
          hint={`For example: ${example}`}
          className="min-w-0 flex-1 basis-56"
          error={errors.locale?.message}
          {...form.register("locale", { setValueAs: (v: string) => (v === "" ? null : v) })}
        >
          <option value="">English (UK), the default</option>
          {LOCALE_CHOICES.map((c) => (
            <option key={c.tag} value={c.tag} lang={c.tag}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" busy={isSubmitting} disabled={!isDirty && !isSubmitting}>
          Save formats
        </Button>
      </div>
      <FormAlert message={errors.root?.server?.message} />
      <FormStatus message={done} />
    </form>
  );
}
