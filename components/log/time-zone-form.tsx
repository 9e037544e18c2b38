"use client";
/**
 * The form of the member's own time zone (inside `TimeZoneSetting`, ./time-zone-setting.tsx, which loads it only when
 * shown: zod and react-hook-form stay off the Log's first load). "Same as the team" clears it.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useMemo } from "react";
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
import type { TimeZoneSettingProps } from "./time-zone-setting";

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

export function TimeZoneForm({
  teamId,
  teamTimeZone,
  current,
  onSaved,
  focus,
}: Omit<TimeZoneSettingProps, "collapsed"> & {
  /** Put focus in the field at once (the member opened the form with "Change time zone"). */
  focus: boolean;
}) {
  const router = useRouter();
  const zones = useMemo(() => zoneList(current), [current]);
  const { register, handleSubmit, setError, setFocus, control, formState } = useForm<ZoneIn, unknown, ZoneOut>({
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
  useEffect(() => {
    if (focus) setFocus("timeZone");
  }, [focus, setFocus]);
  const submit = handleSubmit(({ timeZone }) => save.mutate({ teamId, timeZone }));
  const unchanged = useWatch({ control, name: "timeZone" }) === (current ?? TEAM);

  return (
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
  );
}
