"use client";
/**
 * "Create a team": name, currency (common codes or any ISO code), time zone (the browser's by default),
 * week start and working days (Mon–Fri by default). On success, opens the new team's Team page.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { setServerErrors } from "@/components/ui/form-error";
import { useTRPC } from "@/trpc/react";
import { CurrencyField, TimeZoneField, WorkingDaysField } from "./create-team-fields";
import { ZCreateTeamForm, type CreateTeamIn, type CreateTeamOut } from "./create-team-schema";
import { browserDefaults, WEEKDAYS } from "./team-defaults";

export function CreateTeamForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();

  const form = useForm<CreateTeamIn, unknown, CreateTeamOut>({
    resolver: zodResolver(ZCreateTeamForm),
    defaultValues: { name: "", currency: "USD", timeZone: "UTC", weekStartsOn: "1", workingDays: [1, 2, 3, 4, 5] },
  });
  const { register, handleSubmit, setValue, setError, control, formState, getFieldState } = form;
  const errors = formState.errors;
  const formError = errors.root?.server?.message;

  // Browser defaults (time zone, a currency for the locale's region), once, unless already changed.
  useEffect(() => {
    const defaults = browserDefaults();
    if (!getFieldState("timeZone").isDirty) setValue("timeZone", defaults.timeZone);
    if (!getFieldState("currency").isDirty) setValue("currency", defaults.currency);
  }, [getFieldState, setValue]);

  const create = useMutation(
    trpc.team.create.mutationOptions({
      onSuccess: async (team) => {
        toast.success(`${team.name} is ready. Now invite your team.`);
        await queryClient.invalidateQueries(trpc.team.list.pathFilter());
        router.push(`/${team.slug}/team`);
      },
      onError: (error) =>
        setServerErrors(error, setError, ["name", "currency", "timeZone", "weekStartsOn", "workingDays"]),
    }),
  );

  const onSubmit = handleSubmit((values) => create.mutate(values));

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      className="space-y-5"
      aria-describedby={formError ? "create-team-error" : undefined}
    >
      <TextField label="Team name" autoComplete="organization" error={errors.name?.message} {...register("name")} />

      <div className="grid gap-5 sm:grid-cols-2">
        <CurrencyField control={control} register={register} setValue={setValue} error={errors.currency?.message} />
        <TimeZoneField control={control} />
      </div>

      <SelectField
        label="Weeks start on"
        className="sm:max-w-xs"
        error={errors.weekStartsOn?.message}
        {...register("weekStartsOn")}
      >
        {WEEKDAYS.map(([day, name]) => (
          <option key={day} value={day}>
            {name}
          </option>
        ))}
      </SelectField>

      <WorkingDaysField control={control} />

      {formError && (
        <p
          id="create-team-error"
          role="alert"
          className="rounded-lg border border-red-700 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          {formError}
        </p>
      )}

      <Button type="submit" busy={create.isPending} className="w-full sm:w-auto">
        {create.isPending ? "Creating…" : "Create team"}
      </Button>
    </form>
  );
}
