"use client";
/**
 * The inputs of the team settings form that are more than one text box: currency (locked once money is held), time
 * zone (the browser's list), week start, working days, the logging window, and the on/off settings as labelled
 * checkboxes (the state is the tick and the words, never a colour alone).
 */
import { useSyncExternalStore, type ReactNode } from "react";
import { Controller, type Control } from "react-hook-form";
import { SelectField } from "@/components/ui/field";
import { COMMON_CURRENCIES, WEEKDAYS } from "@/components/team/team-defaults";
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

// The zone list differs between Node and browsers: the saved zone alone on the server and during hydration.
let clientZones: string[] | null = null;
function getClientZones(): string[] {
  if (!clientZones) {
    const zones = new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
    zones.add("UTC");
    clientZones = [...zones].sort();
  }
  return clientZones;
}
const noZones: string[] = [];
const subscribeNever = () => () => {};

export function TimeZoneSetting({ control }: { control: SettingsControl }) {
  const zones = useSyncExternalStore(subscribeNever, getClientZones, () => noZones);
  return (
    <Controller
      control={control}
      name="timeZone"
      render={({ field, fieldState }) => (
        <SelectField
          label="Time zone"
          hint="The team's days, weeks, months and deadlines are counted in this zone. Members can still set their own zone for their day."
          error={fieldState.error?.message}
          {...field}
        >
          {(zones.includes(field.value) ? zones : [field.value, ...zones]).map((tz) => (
            <option key={tz} value={tz}>
              {tz.replaceAll("_", " ")}
            </option>
          ))}
        </SelectField>
      )}
    />
  );
}

export function WeekStartSetting({ control }: { control: SettingsControl }) {
  return (
    <Controller
      control={control}
      name="weekStartsOn"
      render={({ field, fieldState }) => (
        <SelectField
          label="Weeks start on"
          hint="Weekly plans, the weekly review and the Log's week follow it."
          error={fieldState.error?.message}
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          value={String(field.value)}
          onChange={(e) => field.onChange(Number(e.target.value))}
        >
          {WEEKDAYS.map(([day, name]) => (
            <option key={day} value={day}>
              {name}
            </option>
          ))}
        </SelectField>
      )}
    />
  );
}

export function BackdateSetting({ control }: { control: SettingsControl }) {
  const choices = Array.from({ length: MAX_BACKDATE_DAYS + 1 }, (_, n) => n);
  return (
    <Controller
      control={control}
      name="backdateDays"
      render={({ field, fieldState }) => (
        <SelectField
          label="Members may log for"
          hint="How far back a member may log or correct an entry. Never before the start of the current week."
          error={fieldState.error?.message}
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          value={String(field.value)}
          onChange={(e) => field.onChange(Number(e.target.value))}
        >
          {choices.map((n) => (
            <option key={n} value={n}>
              {n === 0 ? "Today only" : `Today and ${n} ${n === 1 ? "day" : "days"} back`}
            </option>
          ))}
        </SelectField>
      )}
    />
  );
}

export function WorkingDaysSetting({ control }: { control: SettingsControl }) {
  return (
    <Controller
      control={control}
      name="workingDays"
      render={({ field, fieldState }) => {
        const selected = new Set(field.value);
        return (
          <fieldset
            aria-describedby={fieldState.error ? "working-days-error" : "working-days-hint"}
            className="space-y-2"
          >
            <legend className="text-sm font-medium text-slate-800">Working days</legend>
            <p id="working-days-hint" className="text-sm text-slate-600">
              Plans spread the work over these days, so changing them changes members&apos; daily and weekly numbers on
              published goals.
            </p>
            <div className="flex flex-wrap gap-2">
              {WEEKDAYS.map(([day, name]) => (
                <label
                  key={day}
                  className="has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-brand-600 flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2"
                >
                  <input
                    type="checkbox"
                    className="accent-brand-600 size-5"
                    checked={selected.has(day)}
                    onBlur={field.onBlur}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(day);
                      else next.delete(day);
                      field.onChange(WEEKDAYS.map(([d]) => d).filter((d) => next.has(d)));
                    }}
                  />
                  {name}
                </label>
              ))}
            </div>
            {fieldState.error && (
              <p id="working-days-error" role="alert" className="text-sm font-medium text-red-700">
                {fieldState.error.message}
              </p>
            )}
          </fieldset>
        );
      }}
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
