"use client";
/**
 * The member's daily reminder: an email at a chosen time (in their time zone) on their working days — not on the
 * team's rest days, team holidays or their days off — when they have not logged yet.
 *
 * What is set is always shown; the form (./reminder-form.tsx: zod and react-hook-form) is loaded only when shown. On
 * the Log it starts `collapsed` behind a button, so a phone's first load of the Log neither fetches nor runs it
 * (docs/PERFORMANCE.md, the phone page); the profile page shows it open.
 */
import { Bell, BellOff } from "lucide-react";
import dynamic from "next/dynamic";
import { SettingCard } from "./setting-card";

const ReminderForm = dynamic(() => import("./reminder-form").then((m) => m.ReminderForm), {
  ssr: false,
  loading: () => <p className="mt-3 text-sm text-slate-700">Loading…</p>,
});

export interface ReminderSettingProps {
  teamId: string;
  timeZone: string;
  current: string | null;
  /** Called after a save (the profile page reads the member's settings again). */
  onSaved?: () => void;
  /** Show only what is set, with a button that opens the form (the Log). */
  collapsed?: boolean;
}

export function ReminderSetting({ collapsed = false, timeZone, ...props }: ReminderSettingProps) {
  const { current } = props;
  return (
    <SettingCard
      icon={current ? <Bell aria-hidden className="size-5" /> : <BellOff aria-hidden className="size-5" />}
      title="Daily reminder"
      collapsed={collapsed}
      openLabel={current ? "Change the reminder" : "Set a reminder"}
      form={(focus) => <ReminderForm {...props} focus={focus} />}
    >
      {current
        ? `On: we email you at ${current} on your working days if you have not logged yet that day.`
        : "Off. Get an email at a time you choose on working days you have not logged yet."}{" "}
      Times are in your time zone ({timeZone}); no reminder on rest days, team holidays or your days off.
    </SettingCard>
  );
}
