"use client";
/**
 * The pieces of "Create a team" that are more than one input: the currency (common codes or any ISO code), the time
 * zone (the browser's list) and the working days (a checkbox per weekday).
 */
import { useState, useSyncExternalStore } from "react";
import { Controller, useWatch, type Control, type UseFormRegister, type UseFormSetValue } from "react-hook-form";
import { SelectField, TextField } from "@/components/ui/field";
import type { CreateTeamIn, CreateTeamOut } from "./create-team-schema";
import { COMMON_CURRENCIES, OTHER, WEEKDAYS } from "./team-defaults";

/** A common currency from the list, or "Another currency…" and its three-letter code. */
export function CurrencyField({
  control,
  register,
  setValue,
  error,
}: {
  control: Control<CreateTeamIn, unknown, CreateTeamOut>;
  register: UseFormRegister<CreateTeamIn>;
  setValue: UseFormSetValue<CreateTeamIn>;
  error?: string;
}) {
  const [otherCurrency, setOtherCurrency] = useState(false);
  const currency = useWatch({ control, name: "currency" });
  const isOther = otherCurrency || !COMMON_CURRENCIES.some(([code]) => code === currency);
  return (
    <div className="space-y-3">
      <SelectField
        label="Currency"
        value={isOther ? OTHER : currency}
        error={isOther ? undefined : error}
        onChange={(e) => {
          const choice = e.target.value;
          setOtherCurrency(choice === OTHER);
          setValue("currency", choice === OTHER ? "" : choice, { shouldDirty: true });
        }}
      >
        {COMMON_CURRENCIES.map(([code, name]) => (
          <option key={code} value={code}>
            {code} — {name}
          </option>
        ))}
        <option value={OTHER}>Another currency…</option>
      </SelectField>
      {isOther && (
        <TextField
          label="Currency code"
          hint="The three-letter ISO code, for example THB or EGP."
          maxLength={3}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          error={error}
          {...register("currency")}
        />
      )}
    </div>
  );
}

// The time zone list differs between Node and browsers: render just UTC on the server and during
// hydration, then the browser's list (which always contains the browser's own zone).
const SERVER_ZONES = ["UTC"];
let clientZones: string[] | null = null;
function getClientZones(): string[] {
  if (!clientZones) {
    const zones = new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
    zones.add("UTC");
    zones.add(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
    clientZones = [...zones].sort();
  }
  return clientZones;
}
const subscribeNever = () => () => {};

export function TimeZoneField({ control }: { control: Control<CreateTeamIn, unknown, CreateTeamOut> }) {
  const zones = useSyncExternalStore(subscribeNever, getClientZones, () => SERVER_ZONES);
  return (
    <Controller
      control={control}
      name="timeZone"
      render={({ field, fieldState }) => (
        <SelectField
          label="Time zone"
          hint="The team's weeks, months and deadlines are counted in this zone. Each member can set their own zone for their day."
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

export function WorkingDaysField({ control }: { control: Control<CreateTeamIn, unknown, CreateTeamOut> }) {
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
              Plans spread the work over these days.
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
