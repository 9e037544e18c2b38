"use client";
/**
 * The team inputs that "Create a team" (create-team-fields.tsx) and the team settings form
 * (components/settings/settings-fields.tsx) both show: the time zone select and the working days (a checkbox per
 * weekday). Each form wraps them in its own `Controller` and says its own hint.
 */
import { useSyncExternalStore, type ReactNode } from "react";
import type { ControllerRenderProps, FieldValues } from "react-hook-form";
import { SelectField } from "@/components/ui/field";
import { WEEKDAYS } from "./team-defaults";

// The zone list differs between Node and browsers: a fixed list on the server and during hydration, then the
// browser's list (with the browser's own zone added when asked).
const clientZones = new Map<boolean, string[]>();
function getClientZones(withOwnZone: boolean): string[] {
  let list = clientZones.get(withOwnZone);
  if (!list) {
    const zones = new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
    zones.add("UTC");
    if (withOwnZone) zones.add(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
    list = [...zones].sort();
    clientZones.set(withOwnZone, list);
  }
  return list;
}
const subscribeNever = () => () => {};

/** A `Controller`'s field, whichever form it belongs to, holding a `T`. */
type FieldOf<T> = Omit<ControllerRenderProps<FieldValues, string>, "value"> & { value: T };

/** The browser's time zones; `serverZones` (a stable array) before hydration. */
export function useTimeZones({ withOwnZone, serverZones }: { withOwnZone: boolean; serverZones: string[] }) {
  return useSyncExternalStore(
    subscribeNever,
    () => getClientZones(withOwnZone),
    () => serverZones,
  );
}

/** The time zone select; the field's own zone is offered even when the list lacks it. */
export function TimeZoneSelect({
  field,
  zones,
  hint,
  error,
}: {
  field: FieldOf<string>;
  zones: string[];
  hint: string;
  error?: string;
}) {
  return (
    <SelectField label="Time zone" hint={hint} error={error} {...field}>
      {(zones.includes(field.value) ? zones : [field.value, ...zones]).map((tz) => (
        <option key={tz} value={tz}>
          {tz.replaceAll("_", " ")}
        </option>
      ))}
    </SelectField>
  );
}

/** The working days as a checkbox per weekday, kept in weekday order. */
export function WorkingDaysFieldset({
  field,
  hint,
  error,
}: {
  field: FieldOf<number[]>;
  hint: ReactNode;
  error?: string;
}) {
  const selected = new Set(field.value);
  return (
    <fieldset aria-describedby={error ? "working-days-error" : "working-days-hint"} className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Working days</legend>
      <p id="working-days-hint" className="text-sm text-slate-600">
        {hint}
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
      {error && (
        <p id="working-days-error" role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
