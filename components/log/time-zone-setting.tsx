"use client";
/**
 * The member's own time zone: their "today", the Log's days, backdating, streaks and reminders follow it. The team's
 * weeks, months and deadlines stay in the team's zone. "Same as the team" clears it.
 */
import { Globe } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState, type FormEvent } from "react";
import { toast } from "@/components/ui/lazy-toast";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { lightClient } from "@/trpc/light";
import { refreshLogQueries, useLightMutation } from "./light-query";
import { zonePlace } from "./member-day-text";

const TEAM = "";

function zoneList(current: string | null): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

export function TimeZoneSetting({
  teamId,
  teamTimeZone,
  current,
}: {
  teamId: string;
  teamTimeZone: string;
  current: string | null;
}) {
  const headingId = useId();
  const router = useRouter();
  const [value, setValue] = useState(current ?? TEAM);
  const zones = useMemo(() => zoneList(current), [current]);
  const save = useLightMutation(
    (input: { teamId: string; timeZone: string | null }) => lightClient.member.setMyTimeZone(input),
    {
      onSuccess: (r) => {
        toast.success(
          r.timeZone
            ? `Your days now follow ${zonePlace(r.timeZone)} time`
            : `Your days follow the team's time zone again`,
        );
        void refreshLogQueries();
        // The app shell keeps the member's zone for the other pages (My plan): read it again.
        router.refresh();
      },
      onError: (e) => toast.error(e.message),
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ teamId, timeZone: value === TEAM ? null : value });
  };
  const unchanged = value === (current ?? TEAM);

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="flex items-center gap-2 text-base font-semibold text-slate-900">
        <Globe aria-hidden className="size-5" />
        Time zone
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {current
          ? `Your days run on ${zonePlace(current)} time (${current}).`
          : `Your days run on your team's time zone (${teamTimeZone}).`}{" "}
        Your today, the days you can log and your reminder follow it; team weeks and deadlines stay on the team&apos;s
        time.
      </p>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-2" aria-label="Your time zone">
        <SelectField
          label="Your time zone"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="min-w-0 flex-1 basis-56"
        >
          <option value={TEAM}>Same as the team ({teamTimeZone.replaceAll("_", " ")})</option>
          {zones.map((tz) => (
            <option key={tz} value={tz}>
              {tz.replaceAll("_", " ")}
            </option>
          ))}
        </SelectField>
        <Button type="submit" busy={save.isPending} disabled={unchanged && !save.isPending}>
          Save time zone
        </Button>
      </form>
    </section>
  );
}
