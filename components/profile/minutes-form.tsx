"use client";
/**
 * Minutes a day for the business: what every plan's time check measures against (My plan, the Log, a leader's goal
 * preview). Empty = not said: plans assume the default, and say so.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Clock } from "lucide-react";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert, FormStatus } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { ZMinutesPerDayForm } from "@/server/schemas/profile";
import { useTRPC } from "@/trpc/react";
import type { Profile } from "./types";

type In = z.input<typeof ZMinutesPerDayForm>;
type Out = z.output<typeof ZMinutesPerDayForm>;

export function MinutesForm({ profile, onSaved }: { profile: Profile; onSaved: () => Promise<unknown> }) {
  const team = useTeam();
  const trpc = useTRPC();
  const headingId = useId();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(ZMinutesPerDayForm),
    defaultValues: { minutesPerDay: profile.minutesPerDay === null ? "" : String(profile.minutesPerDay) },
  });
  const save = useMutation(trpc.member.setMyMinutesPerDay.mutationOptions());
  const onSubmit = form.handleSubmit(async ({ minutesPerDay }) => {
    setDone(null);
    try {
      const r = await save.mutateAsync({ teamId: team.id, minutesPerDay });
      await onSaved();
      form.reset({ minutesPerDay: r.minutesPerDay === null ? "" : String(r.minutesPerDay) });
      setDone(
        r.minutesPerDay === null
          ? `Saved. Your plans assume ${profile.defaultMinutesPerDay} minutes a day again.`
          : `Saved. Your plans now count on ${r.minutesPerDay} minutes a day.`,
      );
    } catch (error) {
      setServerErrors(error, form.setError, ["minutesPerDay"]);
    }
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <section aria-labelledby={headingId} id="minutes" className="scroll-mt-20 space-y-3">
      <h2 id={headingId} className="flex items-center gap-2 text-lg font-semibold">
        <Clock aria-hidden className="size-5" />
        Time for the business
      </h2>
      <p className="text-slate-700">
        {profile.minutesPerDay === null
          ? `You have not said yet: your plans assume ${profile.defaultMinutesPerDay} minutes a day.`
          : `Your plans count on ${profile.minutesPerDay} minutes a day.`}{" "}
        My plan checks that your busiest day fits in it.
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="flex flex-wrap items-end gap-2">
        <TextField
          label="Minutes a day"
          inputMode="numeric"
          autoComplete="off"
          hint="Whole minutes, 0 to 1440. Leave empty to use the default."
          className="min-w-0 flex-1 basis-48"
          {...form.register("minutesPerDay")}
          error={errors.minutesPerDay?.message}
        />
        <Button type="submit" busy={isSubmitting}>
          Save minutes
        </Button>
        <div className="basis-full empty:hidden">
          <FormAlert message={errors.root?.server?.message} />
        </div>
      </form>
      <FormStatus message={done} />
    </section>
  );
}
