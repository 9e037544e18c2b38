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
import { zonePlace } from "./member-day-text";
import { SettingCard } from "./setting-card";

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
  const { current, teamTimeZone } = props;
  return (
    <SettingCard
      icon={<Globe aria-hidden className="size-5" />}
      title="Time zone"
      collapsed={collapsed}
      openLabel="Change time zone"
      form={(focus) => <TimeZoneForm {...props} focus={focus} />}
    >
      {current
        ? `Your days run on ${zonePlace(current)} time (${current}).`
        : `Your days run on your team's time zone (${teamTimeZone}).`}{" "}
      Your today, the days you can log and your reminder follow it; team weeks and deadlines stay on the team&apos;s
      time.
    </SettingCard>
  );
}
