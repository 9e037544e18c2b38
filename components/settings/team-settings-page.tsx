"use client";
/**
 * The team settings page (`/<team>/settings`): the owner — and leaders, where the owner allows it — change the team's
 * name, address, currency, time zone, week, working days, logging window and the on/off rules. A save sends only
 * what changed, against the version the form was filled from (someone else's save in between is a clear conflict,
 * nothing lost on screen). Holidays have their own page (linked); the owner also finds the activity log, handing the
 * team over and deleting it here.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CalendarOff, History } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { QueryState } from "@/components/ui/query-state";
import type { RouterOutputs } from "@/components/api-types";
import { ZTeamSettingsFields, type TTeamSettingsFields } from "@/server/schemas/team";
import { useTRPC } from "@/trpc/react";
import { DangerZone } from "./danger-zone";
import { ReviewMeetingSetting } from "./review-meeting-setting";
import {
  BackdateSetting,
  CurrencySetting,
  TimeZoneSetting,
  ToggleSetting,
  WeekStartSetting,
  WorkingDaysSetting,
} from "./settings-fields";

type Settings = RouterOutputs["team"]["settings"];

const FIELDS = Object.keys(ZTeamSettingsFields.shape) as (keyof TTeamSettingsFields)[];

function formValues(s: Settings): TTeamSettingsFields {
  return {
    name: s.name,
    slug: s.slug,
    currency: s.currency,
    timeZone: s.timeZone,
    weekStartsOn: s.weekStartsOn,
    workingDays: s.workingDays,
    backdateDays: s.backdateDays,
    membersCanInvite: s.membersCanInvite,
    uplineCanEditEntries: s.uplineCanEditEntries,
    leaderboardEnabled: s.leaderboardEnabled,
    sponsorsLeadBranches: s.sponsorsLeadBranches,
    leadersCanEditSettings: s.leadersCanEditSettings,
    reviewWeekday: s.reviewWeekday,
    reviewTime: s.reviewTime,
    reviewMinutes: s.reviewMinutes,
  };
}

export function TeamSettingsPage() {
  const team = useTeam();
  const trpc = useTRPC();
  const settings = useQuery(trpc.team.settings.queryOptions({ teamId: team.id }));

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold sm:text-3xl">Team settings</h1>
        <p className="text-slate-700">How {team.name} plans, logs and shows its numbers. Every change is recorded.</p>
      </div>
      <nav aria-label="More team settings" className="flex flex-wrap gap-2">
        <Link
          href={`/${team.slug}/plan/calendar`}
          className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 font-medium hover:bg-slate-100"
        >
          <CalendarOff aria-hidden className="size-5" /> Holidays
        </Link>
        {team.role === "OWNER" && (
          <Link
            href={`/${team.slug}/settings/activity`}
            className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 font-medium hover:bg-slate-100"
          >
            <History aria-hidden className="size-5" /> Activity
          </Link>
        )}
      </nav>
      <QueryState query={settings} variant="card" loading="Loading the settings…" error="Could not load the settings">
        {(data) => (
          <>
            <SettingsForm settings={data} />
            {data.isOwner && <DangerZone teamName={data.name} />}
          </>
        )}
      </QueryState>
    </div>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const team = useTeam();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<TTeamSettingsFields>({
    resolver: zodResolver(ZTeamSettingsFields),
    defaultValues: formValues(settings),
  });
  const { register, handleSubmit, control, setError, setValue, reset, formState } = form;
  const { errors, dirtyFields, isDirty } = formState;

  // A newer version read from the server (after a save, or someone else's) becomes the form's starting point,
  // unless the person is in the middle of editing.
  useEffect(() => {
    if (!form.formState.isDirty) reset(formValues(settings));
  }, [settings, reset, form]);

  const save = useMutation(
    trpc.team.updateSettings.mutationOptions({
      onSuccess: async (saved) => {
        reset(formValues({ ...settings, ...saved }));
        await queryClient.invalidateQueries(trpc.team.settings.queryFilter({ teamId: team.id }));
        toast.success(saved.changed.length === 0 ? "Nothing to save: no setting changed." : "Team settings saved.");
        // The app shell shows the name and follows the address, week and zone: reload it (at the new address).
        if (saved.slug !== team.slug) router.replace(`/${saved.slug}/settings`);
        router.refresh();
      },
      onError: (error) => setServerErrors(error, setError, FIELDS as FieldPath<TTeamSettingsFields>[]),
    }),
  );

  const onSubmit = handleSubmit((values) => {
    const changed = Object.fromEntries(
      FIELDS.filter((f) => dirtyFields[f] !== undefined && dirtyFields[f] !== false).map((f) => [f, values[f]]),
    );
    save.mutate({ teamId: team.id, version: settings.version, ...changed });
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-6">
      <Card className="space-y-5">
        <h2 className="text-lg font-semibold">The team</h2>
        <TextField label="Team name" autoComplete="organization" error={errors.name?.message} {...register("name")} />
        <TextField
          label="Web address"
          hint={
            settings.oldSlugs.length > 0
              ? `Your team lives at /${settings.slug}. Old links (${settings.oldSlugs.map((s) => `/${s}`).join(", ")}) keep working.`
              : `Lower-case letters, digits and dashes. Old links keep working after a change.`
          }
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          error={errors.slug?.message}
          {...register("slug")}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <CurrencySetting control={control} locked={settings.currencyLocked} />
          <TimeZoneSetting control={control} />
        </div>
      </Card>

      <Card className="space-y-5">
        <h2 className="text-lg font-semibold">Weeks and logging</h2>
        <div className="grid gap-5 sm:grid-cols-2">
          <WeekStartSetting control={control} />
          <BackdateSetting control={control} />
        </div>
        <WorkingDaysSetting control={control} />
      </Card>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Weekly review meeting</h2>
        <p className="text-sm text-slate-600">
          When the team meets for its weekly review. It shows in members&apos; calendar feeds (Profile, “Add to your
          calendar”), skipped on the team&apos;s holidays.
        </p>
        <ReviewMeetingSetting control={control} setValue={setValue} timeZone={settings.timeZone} />
      </Card>

      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Who may do what</h2>
        <ToggleSetting
          control={control}
          name="membersCanInvite"
          label="Members can invite"
          hint="Plain members may create invite links that land people under themselves. Leaders and the owner always can."
        />
        <ToggleSetting
          control={control}
          name="uplineCanEditEntries"
          label="Uplines can edit downline entries"
          hint="Anyone above a member may correct or delete that member's entries (every change is kept in the entry's history)."
        />
        <ToggleSetting
          control={control}
          name="leaderboardEnabled"
          label="Show the leaderboard"
          hint="The dashboard ranks the people each viewer can see. Off: nobody sees a leaderboard."
        />
        <ToggleSetting
          control={control}
          name="sponsorsLeadBranches"
          label="Sponsors lead their branch"
          hint="Anyone with a downline sets goals for their own branch, decides its proposed targets and runs its weekly review, as leaders do. Off: only leaders and the owner. Moving, removing and importing members stay with leaders."
        />
        {settings.isOwner && (
          <ToggleSetting
            control={control}
            name="leadersCanEditSettings"
            label="Leaders may change team settings"
            hint="Leaders may change everything on this page except this switch. The activity log, handing the team over and deleting it stay yours."
          />
        )}
      </Card>

      <FormAlert message={errors.root?.server?.message} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" busy={save.isPending} disabled={!isDirty} className="w-full sm:w-auto">
          {save.isPending ? "Saving…" : "Save settings"}
        </Button>
        {isDirty && (
          <Button variant="ghost" onClick={() => reset(formValues(settings))} className="w-full sm:w-auto">
            Undo changes
          </Button>
        )}
        <p className="text-sm text-slate-600" aria-live="polite">
          {isDirty ? "You have unsaved changes." : "All changes saved."}
        </p>
      </div>
    </form>
  );
}
