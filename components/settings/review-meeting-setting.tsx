"use client";
/**
 * The weekly review meeting in the team settings form: a day ("No meeting" clears it), a time in the team's zone and
 * how long it lasts. It appears in every member's calendar feed (profile, "Add to your calendar") as a weekly event,
 * skipped on the team's holidays.
 */
import { Controller, useWatch, type Control, type UseFormSetValue } from "react-hook-form";
import { SelectField, TextField } from "@/components/ui/field";
import { WEEKDAYS } from "@/components/team/team-defaults";
import type { TTeamSettingsFields } from "@/server/schemas/team";

const LENGTHS = [15, 30, 45, 60, 75, 90, 120];

export function ReviewMeetingSetting({
  control,
  setValue,
  timeZone,
}: {
  control: Control<TTeamSettingsFields>;
  setValue: UseFormSetValue<TTeamSettingsFields>;
  timeZone: string;
}) {
  const weekday = useWatch({ control, name: "reviewWeekday" });
  const none = weekday === null;
  return (
    <div className="grid gap-5 sm:grid-cols-3">
      <Controller
        control={control}
        name="reviewWeekday"
        render={({ field, fieldState }) => (
          <SelectField
            label="Meeting day"
            hint="Members see it in their calendar feed."
            error={fieldState.error?.message}
            name={field.name}
            ref={field.ref}
            onBlur={field.onBlur}
            value={field.value === null ? "" : String(field.value)}
            onChange={(e) => {
              const value = e.target.value === "" ? null : Number(e.target.value);
              field.onChange(value);
              // "No meeting" clears the time too (a meeting is a day and a time, or nothing).
              if (value === null) setValue("reviewTime", null, { shouldDirty: true });
            }}
          >
            <option value="">No meeting</option>
            {WEEKDAYS.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </SelectField>
        )}
      />
      <Controller
        control={control}
        name="reviewTime"
        render={({ field, fieldState }) => (
          <TextField
            label="Starts at"
            type="time"
            hint={none ? "Choose a day first." : `In the team's time zone (${timeZone.replaceAll("_", " ")}).`}
            disabled={none}
            error={fieldState.error?.message}
            name={field.name}
            ref={field.ref}
            onBlur={field.onBlur}
            value={field.value ?? ""}
            onChange={(e) => field.onChange(e.target.value === "" ? null : e.target.value)}
          />
        )}
      />
      <Controller
        control={control}
        name="reviewMinutes"
        render={({ field, fieldState }) => (
          <SelectField
            label="Lasts"
            disabled={none}
            error={fieldState.error?.message}
            name={field.name}
            ref={field.ref}
            onBlur={field.onBlur}
            value={String(field.value)}
            onChange={(e) => field.onChange(Number(e.target.value))}
          >
            {(LENGTHS.includes(field.value) ? LENGTHS : [...LENGTHS, field.value].sort((a, b) => a - b)).map((m) => (
              <option key={m} value={m}>
                {m < 60
                  ? `${m} minutes`
                  : m % 60 === 0
                    ? `${m / 60} hour${m === 60 ? "" : "s"}`
                    : `${Math.floor(m / 60)} h ${m % 60} min`}
              </option>
            ))}
          </SelectField>
        )}
      />
    </div>
  );
}
