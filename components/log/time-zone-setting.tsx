"use client";
/**
 * The member's own time zone: their "today", the Log's days, backdating, streaks and reminders follow it. The team's
 * weeks, months and deadlines stay in the team's zone.
 *
 * What is set is always shown; the form (./time-zone-form.tsx: the zone list, zod and react-hook-form) is loaded
 * only when shown. On the Log it starts `collapsed` behind "Change time zone", so a phone's first load of the Log
 * neither fetches nor runs it (docs/PERFORMANCE.md, the phone page); the profile page shows it open.
 */
import { Globe } from "lucide-react";
import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { zonePlace } from "./member-day-text";

const TimeZoneForm = dynamic(() => import("./time-zone-form").then((m) => m.TimeZoneForm), {
  ssr: false,
  loading: () => <p className="mt-3 text-sm text-slate-700">Loading the time zones…</p>,
});

export interface TimeZoneSettingProps {
  teamId: string;
  teamTimeZone: string;
  current: string | null;
  /** Called after a save (the profile page reads the member's settings again). */
  onSaved?: () => void;
  /** Show only what is set, with a "Change time zone" button that opens the form (the Log). */
  collapsed?: boolean;
}

export function TimeZoneSetting({ collapsed = false, ...props }: TimeZoneSettingProps) {
  const headingId = useId();
  const [open, setOpen] = useState(!collapsed);
  const { current, teamTimeZone } = props;

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
      {open ? (
        <TimeZoneForm {...props} focus={collapsed} />
      ) : (
        <Button variant="secondary" className="mt-3" aria-expanded={false} onClick={() => setOpen(true)}>
          Change time zone
        </Button>
      )}
    </section>
  );
}
