"use client";
/**
 * The pieces of "Create a team" that are more than one input: the currency (common codes or any ISO code), the time
 * zone (the browser's list) and the working days (a checkbox per weekday).
 */
import { useState } from "react";
import { Controller, useWatch, type Control, type UseFormRegister, type UseFormSetValue } from "react-hook-form";
import { SelectField, TextField } from "@/components/ui/field";
import type { CreateTeamIn, CreateTeamOut } from "./create-team-schema";
import { COMMON_CURRENCIES, OTHER } from "./team-defaults";
import { TimeZoneSelect, useTimeZones, WorkingDaysFieldset } from "./team-fields";

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

const SERVER_ZONES = ["UTC"];

export function TimeZoneField({ control }: { control: Control<CreateTeamIn, unknown, CreateTeamOut> }) {
  const zones = useTimeZones({ withOwnZone: true, serverZones: SERVER_ZONES });
  return (
    <Controller
      control={control}
      name="timeZone"
      render={({ field, fieldState }) => (
        <TimeZoneSelect
          field={field}
          zones={zones}
          hint="The team's weeks, months and deadlines are counted in this zone. Each member can set their own zone for their day."
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

export function WorkingDaysField({ control }: { control: Control<CreateTeamIn, unknown, CreateTeamOut> }) {
  return (
    <Controller
      control={control}
      name="workingDays"
      render={({ field, fieldState }) => (
        <WorkingDaysFieldset
          field={field}
          hint="Plans spread the work over these days."
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
