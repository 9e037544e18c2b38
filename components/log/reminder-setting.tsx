"use client";
/**
 * The member's daily reminder: an email at a chosen time (in their time zone) on their working days — not on the
 * team's rest days, team holidays or their days off — when they have not logged yet.
 */
import { Bell, BellOff } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { toast } from "@/components/ui/lazy-toast";
import { Button } from "@/components/ui/button";
import { lightClient } from "@/trpc/light";
import { refreshLogQueries, useLightMutation } from "./light-query";

export function ReminderSetting({ teamId, timeZone, current }: { teamId: string; timeZone: string; current: string | null }) {
  const inputId = useId();
  const [time, setTime] = useState(current ?? "18:00");
  const save = useLightMutation((input: { teamId: string; time: string | null }) => lightClient.entry.setReminder(input), {
    onSuccess: (r) => {
      toast.success(r.reminderTime ? `Reminder set for ${r.reminderTime}` : "Reminder turned off");
      void refreshLogQueries();
    },
    onError: (e) => toast.error(e.message),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ teamId, time });
  };

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
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
            Remind me at
          </label>
          <input
            id={inputId}
            type="time"
            required
            value={time}
            onChange={(e) => setTime(e.target.value)}
            className="block min-h-11 rounded-lg border border-slate-300 bg-white px-3 text-base text-slate-900"
          />
        </div>
        <Button type="submit" busy={save.isPending && save.variables?.time !== null}>
          {current ? "Change" : "Turn on"}
        </Button>
        {current && (
          <Button variant="secondary" busy={save.isPending && save.variables?.time === null} onClick={() => save.mutate({ teamId, time: null })}>
            Turn off
          </Button>
        )}
      </form>
    </section>
  );
}
