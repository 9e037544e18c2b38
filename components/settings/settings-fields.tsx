"use client";
/**
 * The inputs of the team settings form that are more than one text box: currency (locked once money is held), time
 * zone (the browser's list), week start, working days, the logging window, and the on/off settings as labelled
 * checkboxes (the state is the tick and the words, never a colour alone).
 */
import type { ReactNode } from "react";
import { Controller, type Control } from "react-hook-form";
import { SelectField } from "@/components/ui/field";
import { COMMON_CURRENCIES, WEEKDAYS } from "@/components/team/team-defaults";
import { TimeZoneSelect, useTimeZones, WorkingDaysFieldset } from "@/components/team/team-fields";
import { MAX_BACKDATE_DAYS, type TTeamSettingsFields } from "@/server/schemas/team";

type SettingsControl = Control<TTeamSettingsFields>;

export function CurrencySetting({ control, locked }: { control: SettingsControl; locked: string | null }) {
  return (
    <Controller
      control={control}
      name="currency"
      render={({ field, fieldState }) => {
        const codes = COMMON_CURRENCIES.some(([code]) => code === field.value)
          ? COMMON_CURRENCIES
          : [[field.value, field.value] as [string, string], ...COMMON_CURRENCIES];
        return (
          <SelectField
            label="Currency"
            disabled={locked !== null}
            hint={
              locked
                ? `${locked} Amounts are stored in the currency's smallest unit (pence, cents, yen), so they cannot be converted.`
                : "You can change the currency until the first money amount is logged or a money goal is set; after that it is fixed, because amounts are stored in the currency's smallest unit."
            }
            error={fieldState.error?.message}
            {...field}
          >
            {codes.map(([code, name]) => (
              <option key={code} value={code}>
                {code === name ? code : `${code} — ${name}`}
              </option>
            ))}
          </SelectField>
        );
      }}
    />
  );
}

const noZones: string[] = [];

export function TimeZoneSetting({ control }: { control: SettingsControl }) {
  const zones = useTimeZones({ withOwnZone: false, serverZones: noZones });
  return (
    <Controller
      control={control}
      name="timeZone"
      render={({ field, fieldState }) => (
        <TimeZoneSelect
          field={field}
          zones={zones}
          hint="The team's days, weeks, months and deadlines are counted in this zone. Members can still set their own zone for their day."
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

/** A setting kept as a number, chosen from a list. */
function NumberChoiceSetting({
  control,
  name,
  label,
  hint,
  choices,
}: {
  control: SettingsControl;
  name: "weekStartsOn" | "backdateDays";
  label: string;
  hint: string;
  choices: ReadonlyArray<readonly [number, string]>;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <SelectField
          label={label}
          hint={hint}
          error={fieldState.error?.message}
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          value={String(field.value)}
          onChange={(e) => field.onChange(Number(e.target.value))}
        >
          {choices.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </SelectField>
      )}
    />
  );
}

export function WeekStartSetting({ control }: { control: SettingsControl }) {
  return (
    <NumberChoiceSetting
      control={control}
      name="weekStartsOn"
      label="Weeks start on"
      hint="Weekly plans, the weekly review and the Log's week follow it."
      choices={WEEKDAYS}
    />
  );
}

const BACKDATE_CHOICES = Array.from(
  { length: MAX_BACKDATE_DAYS + 1 },
  (_, n) => [n, n === 0 ? "Today only" : `Today and ${n} ${n === 1 ? "day" : "days"} back`] as const,
);

export function BackdateSetting({ control }: { control: SettingsControl }) {
  return (
    <NumberChoiceSetting
      control={control}
      name="backdateDays"
      label="Members may log for"
      hint="How far back a member may log or correct an entry. Never before the start of the current week."
      choices={BACKDATE_CHOICES}
    />
  );
}

export function WorkingDaysSetting({ control }: { control: SettingsControl }) {
  return (
    <Controller
      control={control}
      name="workingDays"
      render={({ field, fieldState }) => (
        <WorkingDaysFieldset
          field={field}
          hint={
            <>
              Plans spread the work over these days, so changing them changes members&apos; daily and weekly numbers on
              published goals.
            </>
          }
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

type Toggle =
  | "membersCanInvite"
  | "uplineCanEditEntries"
  | "leaderboardEnabled"
  | "sponsorsLeadBranches"
  | "leadersCanEditSettings";

export function ToggleSetting({
  control,
  name,
  label,
  hint,
}: {
  control: SettingsControl;
  name: Toggle;
  label: string;
  hint: ReactNode;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <label className="has-[:focus-visible]:outline-brand-600 flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2">
          <input
            type="checkbox"
            className="accent-brand-600 mt-0.5 size-5 shrink-0"
            name={field.name}
            ref={field.ref}
            onBlur={field.onBlur}
            checked={field.value}
            onChange={(e) => field.onChange(e.target.checked)}
          />
          <span className="min-w-0">
            <span className="block font-medium text-slate-900">{label}</span>
            <span className="block text-sm text-slate-600">{hint}</span>
          </span>
        </label>
      )}
    />
  );
}
