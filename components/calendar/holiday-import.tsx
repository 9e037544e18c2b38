"use client";
/** Import a country's public holidays into the team calendar: pick a country and year, preview, choose which to add. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { StatusNote } from "@/components/plan/status";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ZHolidayImportQuery } from "@/server/schemas/calendar";
import { useTRPC } from "@/trpc/react";
import { formatWeekday } from "./format";
import type { ImportPreview } from "./types";
import * as clock from "@/server/clock";
import { useRefreshCalendar } from "./use-refresh-calendar";

type ImportIn = z.input<typeof ZHolidayImportQuery>;
type ImportOut = z.output<typeof ZHolidayImportQuery>;

export function ImportHolidays() {
  const team = useTeam();
  const trpc = useTRPC();
  const countries = useQuery(trpc.calendar.countries.queryOptions({ teamId: team.id }, { staleTime: Infinity }));
  const thisYear = Number(useTeamYear(team.timeZone));
  const [asked, setAsked] = useState<ImportOut | null>(null);
  const form = useForm<ImportIn, unknown, ImportOut>({
    resolver: zodResolver(ZHolidayImportQuery),
    defaultValues: { country: "", region: undefined, year: thisYear },
  });
  const { register, handleSubmit, control, setValue, formState } = form;
  const country = useWatch({ control, name: "country" });
  const regions = countries.data?.find((c) => c.code === country)?.regions ?? [];
  const preview = useQuery({
    ...trpc.calendar.previewImport.queryOptions({ teamId: team.id, ...(asked ?? { country: "GB", year: thisYear }) }),
    enabled: asked !== null,
    retry: false,
  });

  return (
    <div className="space-y-3">
      <form
        onSubmit={handleSubmit((values) => setAsked(values))}
        noValidate
        aria-label="Import public holidays"
        className="space-y-3"
      >
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            label="Country"
            error={formState.errors.country?.message}
            disabled={!countries.data}
            {...register("country", {
              onChange: () => {
                setValue("region", undefined);
                setAsked(null);
              },
            })}
          >
            <option value="">{countries.data ? "Choose a country" : "Loading countries…"}</option>
            {countries.data?.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </SelectField>
          {regions.length > 0 && (
            <SelectField
              label="Region (optional)"
              error={formState.errors.region?.message}
              {...register("region", {
                setValueAs: (v: string) => (v === "" ? undefined : v),
                onChange: () => setAsked(null),
              })}
            >
              <option value="">The whole country</option>
              {regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </SelectField>
          )}
          <SelectField
            label="Year"
            error={formState.errors.year?.message}
            {...register("year", { setValueAs: (v: string | number) => Number(v), onChange: () => setAsked(null) })}
          >
            {[thisYear, thisYear + 1].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </div>
        <Button type="submit" variant="secondary" busy={preview.isFetching}>
          Preview holidays
        </Button>
      </form>
      {asked && preview.isError && (
        <StatusNote tone="warn" label="Cannot preview:">
          {preview.error.message}
        </StatusNote>
      )}
      {asked && preview.data && (
        <ImportChoice
          key={`${preview.data.place}-${preview.data.year}`}
          query={asked}
          data={preview.data}
          onDone={() => setAsked(null)}
        />
      )}
    </div>
  );
}

/** The current year in the team's time zone (the browser's clock; e2e pins it to the server's). */
function useTeamYear(timeZone: string): string {
  const [year] = useState(() => new Intl.DateTimeFormat("en-CA", { year: "numeric", timeZone }).format(clock.nowMs()));
  return year;
}

function ImportChoice({ query, data, onDone }: { query: ImportOut; data: ImportPreview; onDone: () => void }) {
  const team = useTeam();
  const trpc = useTRPC();
  const refresh = useRefreshCalendar();
  const ids = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [chosen, setChosen] = useState(() => new Set(data.holidays.filter((h) => !h.existing).map((h) => h.day)));
  useEffect(() => headingRef.current?.focus(), []);
  const save = useMutation(
    trpc.calendar.importHolidays.mutationOptions({
      onSuccess: async (r) => {
        toast.success(
          `${r.added} ${r.added === 1 ? "holiday" : "holidays"} added${r.skipped > 0 ? ` (${r.skipped} already there)` : ""}.`,
        );
        await refresh();
        onDone();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const toggle = (day: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (!next.delete(day)) next.add(day);
      return next;
    });
  return (
    <div className="space-y-3 rounded-lg border border-slate-300 p-3" data-testid="import-preview">
      <h3 ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
        Public holidays in {data.place}, {data.year}
      </h3>
      {data.holidays.length === 0 ? (
        <p className="text-slate-700">No public holidays in that list.</p>
      ) : (
        <fieldset className="space-y-1">
          <legend className="text-sm text-slate-700">Untick any your team works on.</legend>
          {data.holidays.map((h) => {
            const id = `${ids}-${h.day}`;
            return (
              <div key={h.day} className="flex min-h-11 items-center gap-3">
                <input
                  id={id}
                  type="checkbox"
                  className="size-5 shrink-0"
                  checked={h.existing !== null || chosen.has(h.day)}
                  disabled={h.existing !== null}
                  onChange={() => toggle(h.day)}
                />
                <label htmlFor={id} className="min-w-0 text-sm">
                  <span className="block font-medium break-words">{h.name}</span>
                  <span className="block text-slate-700">
                    {formatWeekday(h.day)}
                    {h.existing !== null
                      ? ` · already a holiday (${h.existing})`
                      : h.restDay
                        ? " · a rest day for the team anyway"
                        : ""}
                  </span>
                </label>
              </div>
            );
          })}
        </fieldset>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          disabled={chosen.size === 0}
          busy={save.isPending}
          onClick={() => save.mutate({ teamId: team.id, ...query, days: [...chosen].sort() })}
        >
          Add {chosen.size} {chosen.size === 1 ? "holiday" : "holidays"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
