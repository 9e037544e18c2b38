"use client";
/**
 * The member's own time zone: their "today", the Log's days, backdating, streaks and reminders follow it. The team's
 * weeks, months and deadlines stay in the team's zone. "Same as the team" clears it.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { Globe } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { toast } from "@/components/ui/lazy-toast";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { ZSetMyTimeZoneInput } from "@/server/schemas/member";
import { lightClient } from "@/trpc/light";
import { refreshLogQueries, useLightMutation } from "./light-query";
import { zonePlace } from "./member-day-text";

const TEAM = "";

/** The procedure's input; the "Same as the team" option is null. */
const ZoneForm = z.object({
  timeZone: z
    .string()
    .transform((zone) => (zone === TEAM ? null : zone))
    .pipe(ZSetMyTimeZoneInput.shape.timeZone),
});
type ZoneIn = z.input<typeof ZoneForm>;
type ZoneOut = z.output<typeof ZoneForm>;

function zoneList(current: string | null): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

export function TimeZoneSetting({
  teamId,
  teamTimeZone,
  current,
  onSaved,
}: {
  teamId: string;
  teamTimeZone: string;
  current: string | null;
  /** Called after a save (the profile page reads the member's settings again). */
  onSaved?: () => void;
}) {
  const headingId = useId();
  const router = useRouter();
  const zones = useMemo(() => zoneList(current), [current]);
  const { register, handleSubmit, setError, control, formState } = useForm<ZoneIn, unknown, ZoneOut>({
    resolver: zodResolver(ZoneForm),
    defaultValues: { timeZone: current ?? TEAM },
  });
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
        onSaved?.();
        // The app shell keeps the member's zone for the other pages (My plan): read it again.
        router.refresh();
      },
      onError: (e) => setServerErrors(e, setError, ["timeZone"]),
    },
  );
  const submit = handleSubmit(({ timeZone }) => save.mutate({ teamId, timeZone }));
  const unchanged = useWatch({ control, name: "timeZone" }) === (current ?? TEAM);

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
      <form
        onSubmit={(e) => void submit(e)}
        className="mt-3 flex flex-wrap items-end gap-2"
        aria-label="Your time zone"
        noValidate
      >
        <SelectField
          label="Your time zone"
          {...register("timeZone")}
          error={formState.errors.timeZone?.message}
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
        <div className="basis-full empty:hidden">
          <FormAlert message={formState.errors.root?.server?.message} />
        </div>
      </form>
    </section>
  );
}
