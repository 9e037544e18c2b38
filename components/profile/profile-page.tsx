"use client";
/**
 * The member's profile (phone first): the account (name, address re-verified by a link, password), what their plans
 * count on in this team (minutes a day, time zone, reminder, days off), the split weight their leader set, and their
 * own conversion rates. Every part is the caller's own: the procedures take no member id.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Scale, UserRound } from "lucide-react";
import dynamic from "next/dynamic";
import { MyDaysOff } from "@/components/calendar/my-days-off";
import { AccountSettings } from "@/components/auth/account-settings";
import { useTeam } from "@/components/layout/team-context";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { describeSplitWeight } from "@/server/domain/split-weight";
import { useTRPC } from "@/trpc/react";
import { CalendarFeeds } from "./calendar-feeds";
import { ConversionRates } from "./conversion-rates";
import { EmailForm } from "./email-form";
import { MinutesForm } from "./minutes-form";
import { LocaleForm } from "./locale-form";
import { NameForm } from "./name-form";
import { NotificationSettings } from "./notification-settings";
import type { Profile } from "./types";

// The zone list and the time input read the browser (Intl.supportedValuesOf): client only, as on the Log page.
const TimeZoneSetting = dynamic(() => import("@/components/log/time-zone-setting").then((m) => m.TimeZoneSetting), {
  ssr: false,
});
const ReminderSetting = dynamic(() => import("@/components/log/reminder-setting").then((m) => m.ReminderSetting), {
  ssr: false,
});

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function ProfilePage() {
  const team = useTeam();
  const trpc = useTRPC();
  const profile = useQuery(trpc.member.profile.queryOptions({ teamId: team.id }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold sm:text-3xl">Your profile</h1>
        <p className="mt-1 text-slate-700">How you appear and sign in, and what your plans in {team.name} count on.</p>
      </div>
      <QueryState query={profile} variant="card" loading="Loading your profile…" error="Could not load your profile">
        {(p) => <ProfileSections profile={p} />}
      </QueryState>
    </div>
  );
}

function ProfileSections({ profile }: { profile: Profile }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.member.profile.queryKey({ teamId: team.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.goal.myPlan.pathKey() }),
    ]);
  return (
    <>
      <Card role="region" aria-labelledby="account-heading" className="space-y-5">
        <h2 id="account-heading" className="flex items-center gap-2 text-lg font-semibold">
          <UserRound aria-hidden className="size-5" />
          Account
        </h2>
        <NameForm name={profile.name} onSaved={refresh} />
        <LocaleForm locale={profile.locale} today={profile.today} onSaved={refresh} />
        <div className="border-t border-slate-200 pt-4">
          <h3 className="mb-2 font-semibold">Email</h3>
          <EmailForm profile={profile} onSaved={refresh} />
        </div>
        <div className="border-t border-slate-200 pt-4">
          <h3 className="mb-2 font-semibold">Password</h3>
          {!profile.hasPassword && (
            <p className="mb-2 text-slate-700">
              You sign in with email links: your account has no password. Use “Forgot password” on the sign-in page to
              set one.
            </p>
          )}
          <AccountSettings email={profile.email} hasPassword={profile.hasPassword} />
        </div>
      </Card>

      <Card>
        <MinutesForm profile={profile} onSaved={refresh} />
      </Card>

      <Card role="region" aria-labelledby="weight-heading" className="space-y-2">
        <h2 id="weight-heading" className="flex items-center gap-2 text-lg font-semibold">
          <Scale aria-hidden className="size-5" />
          Your share of weighted goals
        </h2>
        <p className="text-slate-700">
          When a goal is split by weight, you count as{" "}
          <strong className="font-semibold text-slate-900">
            {lowerFirst(describeSplitWeight(profile.splitWeight))}
          </strong>
          .{" "}
          {profile.role === "OWNER"
            ? "Weights are set per member on the Team page."
            : "Your upline sets this (for example 50% when you work part time)."}
        </p>
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <TimeZoneSetting
          teamId={team.id}
          teamTimeZone={profile.teamTimeZone}
          current={profile.timeZone}
          onSaved={() => void refresh()}
        />
        <ReminderSetting
          teamId={team.id}
          timeZone={profile.timeZone ?? profile.teamTimeZone}
          current={profile.reminderTime}
          onSaved={() => void refresh()}
        />
      </div>

      <MyDaysOff />

      <NotificationSettings />

      <CalendarFeeds />

      <Card>
        <ConversionRates />
      </Card>
    </>
  );
}
