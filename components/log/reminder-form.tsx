"use client";
/**
 * The member's daily reminder: an email at a chosen time (in their time zone) on their working days — not on the
 * team's rest days, team holidays or their days off — when they have not logged yet.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { Bell, BellOff } from "lucide-react";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { toast } from "@/components/ui/lazy-toast";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { ZReminderTime } from "@/server/schemas/entry";
import { lightClient } from "@/trpc/light";
import { refreshLogQueries, useLightMutation } from "./light-query";

/** The time to be reminded at, as the procedure reads it ("Turn off" sends null without the form). */
const ReminderForm = z.object({ time: ZReminderTime });
type ReminderIn = z.infer<typeof ReminderForm>;

export function ReminderSetting({
  teamId,
  timeZone,
  current,
  onSaved,
}: {
  teamId: string;
  timeZone: string;
  current: string | null;
  /** Called after a save (the profile page reads the member's settings again). */
  onSaved?: () => void;
}) {
  const inputId = useId();
  const { register, handleSubmit, setError, formState } = useForm<ReminderIn>({
    resolver: zodResolver(ReminderForm),
    defaultValues: { time: current ?? "18:00" },
  });
  const errors = formState.errors;
  const save = useLightMutation(
    (input: { teamId: string; time: string | null }) => lightClient.entry.setReminder(input),
    {
      onSuccess: (r) => {
        toast.success(r.reminderTime ? `Reminder set for ${r.reminderTime}` : "Reminder turned off");
        void refreshLogQueries();
        onSaved?.();
      },
      onError: (e) => setServerErrors(e, setError, ["time"]),
    },
  );
  const submit = handleSubmit(({ time }) => save.mutate({ teamId, time }));

  return (
    <section aria-labelledby={`${inputId}-title`} className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id={`${inputId}-title`} className="flex items-center gap-2 text-base font-semibold text-slate-900">
        {current ? <Bell aria-hidden className="size-5" /> : <BellOff aria-hidden className="size-5" />}
        Daily reminder
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {current
          ? `On: we email you at ${current} on your working days if you have not logged yet that day.`
          : "Off. Get an email at a time you choose on working days you have not logged yet."}{" "}
        Times are in your time zone ({timeZone}); no reminder on rest days, team holidays or your days off.
      </p>
      <form onSubmit={(e) => void submit(e)} className="mt-3 flex flex-wrap items-end gap-2" noValidate>
        <TextField
          id={inputId}
          label="Remind me at"
          type="time"
          required
          {...register("time")}
          error={errors.time?.message}
        />
        <Button type="submit" busy={save.isPending && save.variables?.time !== null}>
          {current ? "Change" : "Turn on"}
        </Button>
        {current && (
          <Button
            variant="secondary"
            busy={save.isPending && save.variables?.time === null}
            onClick={() => save.mutate({ teamId, time: null })}
          >
            Turn off
          </Button>
        )}
        <div className="basis-full empty:hidden">
          <FormAlert message={errors.root?.server?.message} />
        </div>
      </form>
    </section>
  );
}
