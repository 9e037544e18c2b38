"use client";
/**
 * The form of the member's daily reminder (inside `ReminderSetting`, ./reminder-setting.tsx, which loads it only when
 * shown: zod and react-hook-form stay off the Log's first load).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useId } from "react";
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
import type { ReminderSettingProps } from "./reminder-setting";

/** The time to be reminded at, as the procedure reads it ("Turn off" sends null without the form). */
const ReminderInput = z.object({ time: ZReminderTime });
type ReminderIn = z.infer<typeof ReminderInput>;

export function ReminderForm({
  teamId,
  current,
  onSaved,
  focus,
}: Omit<ReminderSettingProps, "collapsed" | "timeZone"> & {
  /** Put focus in the field at once (the member opened the form from the setting's button). */
  focus: boolean;
}) {
  const inputId = useId();
  const { register, handleSubmit, setError, setFocus, formState } = useForm<ReminderIn>({
    resolver: zodResolver(ReminderInput),
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
  useEffect(() => {
    if (focus) setFocus("time");
  }, [focus, setFocus]);
  const submit = handleSubmit(({ time }) => save.mutate({ teamId, time }));

  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="mt-3 flex flex-wrap items-end gap-2"
      aria-label="Your daily reminder"
      noValidate
    >
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
  );
}
