"use client";
/**
 * "Create a team": name, currency (common codes or any ISO code), time zone (the browser's by default),
 * week start and working days (Mon–Fri by default). On success, opens the new team's Team page.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { formErrorsFrom } from "@/components/ui/form-error";
import { ZCreateTeamInput } from "@/server/schemas/team";
import { useTRPC } from "@/trpc/react";

type FormIn = z.input<typeof ZCreateTeamInput>;
type FormOut = z.output<typeof ZCreateTeamInput>;

const COMMON_CURRENCIES: ReadonlyArray<[string, string]> = [
  ["USD", "US dollar"],
  ["EUR", "Euro"],
  ["GBP", "British pound"],
  ["CAD", "Canadian dollar"],
  ["AUD", "Australian dollar"],
  ["NZD", "New Zealand dollar"],
  ["INR", "Indian rupee"],
  ["ZAR", "South African rand"],
  ["NGN", "Nigerian naira"],
  ["KES", "Kenyan shilling"],
  ["PHP", "Philippine peso"],
  ["SGD", "Singapore dollar"],
  ["MYR", "Malaysian ringgit"],
  ["JPY", "Japanese yen"],
  ["CNY", "Chinese yuan"],
  ["HKD", "Hong Kong dollar"],
  ["AED", "UAE dirham"],
  ["CHF", "Swiss franc"],
  ["SEK", "Swedish krona"],
  ["NOK", "Norwegian krone"],
  ["DKK", "Danish krone"],
  ["PLN", "Polish złoty"],
  ["BRL", "Brazilian real"],
  ["MXN", "Mexican peso"],
];
const OTHER = "OTHER";

const REGION_CURRENCY: Record<string, string> = {
  US: "USD",
  GB: "GBP",
  CA: "CAD",
  AU: "AUD",
  NZ: "NZD",
  IN: "INR",
  ZA: "ZAR",
  NG: "NGN",
  KE: "KES",
  PH: "PHP",
  SG: "SGD",
  MY: "MYR",
  JP: "JPY",
  CN: "CNY",
  HK: "HKD",
  AE: "AED",
  CH: "CHF",
  SE: "SEK",
  NO: "NOK",
  DK: "DKK",
  PL: "PLN",
  BR: "BRL",
  MX: "MXN",
  IE: "EUR",
  DE: "EUR",
  FR: "EUR",
  ES: "EUR",
  IT: "EUR",
  NL: "EUR",
  BE: "EUR",
  AT: "EUR",
  PT: "EUR",
  FI: "EUR",
  GR: "EUR",
};

/** Sunday = 0 … Saturday = 6, listed from Monday. */
const WEEKDAYS: ReadonlyArray<[number, string]> = [
  [1, "Monday"],
  [2, "Tuesday"],
  [3, "Wednesday"],
  [4, "Thursday"],
  [5, "Friday"],
  [6, "Saturday"],
  [0, "Sunday"],
];

function browserDefaults(): { timeZone: string; currency: string } {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  let region: string | undefined;
  try {
    region = new Intl.Locale(navigator.language).maximize().region;
  } catch {
    region = undefined;
  }
  return { timeZone, currency: (region && REGION_CURRENCY[region]) ?? "USD" };
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

export function CreateTeamForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [otherCurrency, setOtherCurrency] = useState(false);
  const zones = useSyncExternalStore(subscribeNever, getClientZones, () => SERVER_ZONES);

  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(ZCreateTeamInput),
    defaultValues: { name: "", currency: "USD", timeZone: "UTC", weekStartsOn: 1, workingDays: [1, 2, 3, 4, 5] },
  });
  const { register, handleSubmit, setValue, setError, control, formState, getFieldState } = form;
  const errors = formState.errors;
  const currency = useWatch({ control, name: "currency" });

  // Browser defaults (time zone, a currency for the locale's region), once, unless already changed.
  useEffect(() => {
    const defaults = browserDefaults();
    if (!getFieldState("timeZone").isDirty) setValue("timeZone", defaults.timeZone);
    if (!getFieldState("currency").isDirty) setValue("currency", defaults.currency);
  }, [getFieldState, setValue]);

  const create = useMutation(
    trpc.team.create.mutationOptions({
      onSuccess: async (team) => {
        toast.success(`${team.name} is ready. Now invite your team.`);
        await queryClient.invalidateQueries(trpc.team.list.pathFilter());
        router.push(`/${team.slug}/team`);
      },
      onError: (error) => {
        const { fields, message } = formErrorsFrom(error);
        for (const [name, text] of Object.entries(fields)) {
          if (name in form.getValues()) setError(name as keyof FormIn, { message: text }, { shouldFocus: true });
        }
        setFormError(message);
      },
    }),
  );

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    create.mutate(values);
  });

  const isOther = otherCurrency || !COMMON_CURRENCIES.some(([code]) => code === currency);

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-5"
      aria-describedby={formError ? "create-team-error" : undefined}
    >
      <TextField label="Team name" autoComplete="organization" error={errors.name?.message} {...register("name")} />

      <div className="grid gap-5 sm:grid-cols-2">
        <div className="space-y-3">
          <SelectField
            label="Currency"
            value={isOther ? OTHER : currency}
            error={isOther ? undefined : errors.currency?.message}
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
              error={errors.currency?.message}
              {...register("currency")}
            />
          )}
        </div>

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
      </div>

      <SelectField
        label="Weeks start on"
        className="sm:max-w-xs"
        error={errors.weekStartsOn?.message}
        {...register("weekStartsOn", { setValueAs: (v: string | number) => Number(v) })}
      >
        {WEEKDAYS.map(([day, name]) => (
          <option key={day} value={day}>
            {name}
          </option>
        ))}
      </SelectField>

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

      {formError && (
        <p
          id="create-team-error"
          role="alert"
          className="rounded-lg border border-red-700 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          {formError}
        </p>
      )}

      <Button type="submit" busy={create.isPending} className="w-full sm:w-auto">
        {create.isPending ? "Creating…" : "Create team"}
      </Button>
    </form>
  );
}
