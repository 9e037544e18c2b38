"use client";
/**
 * The team calendar (phone first): the team's holidays — everyone reads them; the owner and leaders add one, remove
 * one, or import a country's public holidays after a preview — and the goals planned without the current holidays,
 * each with "Preview re-plan" → what moves for whom → "Apply re-plan" (a versioned goal change, in the history).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CalendarOff, CalendarPlus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { formatDay } from "@/components/plan/format";
import { StatusNote } from "@/components/plan/status";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { formErrorsFrom } from "@/components/ui/form-error";
import { ZHolidayFields, ZHolidayImportQuery } from "@/server/schemas/calendar";
import { amountFormatter } from "@/server/domain/money";
import { useTRPC } from "@/trpc/react";
import { formatWeekday } from "./format";
import { ReplanPreview } from "./replan-preview";
import type { GoalToReplan, Holiday, ImportPreview } from "./types";
import * as clock from "@/server/clock";

export function TeamCalendar() {
  const team = useTeam();
  const trpc = useTRPC();
  const holidays = useQuery(trpc.calendar.holidays.queryOptions({ teamId: team.id }));
  const canManage = holidays.data?.canManage ?? false;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link
          href={`/${team.slug}/plan`}
          className="text-brand-700 inline-flex min-h-11 items-center text-sm underline"
        >
          ← Plan
        </Link>
        <h1 className="text-2xl font-semibold sm:text-3xl">Team calendar</h1>
        <p className="text-slate-700">
          Holidays close the whole team: nothing is planned on them, and streaks do not break over them. A published
          goal keeps the holidays it was planned with until it is re-planned.
        </p>
      </div>
      {canManage && <GoalsToReplan />}
      <Card role="region" aria-labelledby="holidays-heading" className="space-y-3">
        <h2 id="holidays-heading" className="flex items-center gap-2 text-lg font-semibold">
          <CalendarOff aria-hidden className="size-5" />
          Holidays
        </h2>
        {holidays.isPending ? (
          <p aria-busy="true" className="text-slate-700">
            Loading the holidays…
          </p>
        ) : holidays.isError ? (
          <p role="alert">Could not load the holidays: {holidays.error.message}</p>
        ) : holidays.data.holidays.length === 0 ? (
          <p className="text-slate-700">
            No team holidays yet.{canManage ? " Add one below or import your country's public holidays." : ""}
          </p>
        ) : (
          <HolidayList holidays={holidays.data.holidays} canManage={canManage} />
        )}
        {!canManage && holidays.data && (
          <StatusNote tone="info" label="Read only.">
            The team owner and leaders manage the team&apos;s holidays. Your own days off are on the Plan page.
          </StatusNote>
        )}
      </Card>
      {canManage && (
        <>
          <Card role="region" aria-labelledby="add-holiday-heading" className="space-y-3">
            <h2 id="add-holiday-heading" className="flex items-center gap-2 text-lg font-semibold">
              <CalendarPlus aria-hidden className="size-5" />
              Add a holiday
            </h2>
            <AddHolidayForm />
          </Card>
          <Card role="region" aria-labelledby="import-heading" className="space-y-3">
            <h2 id="import-heading" className="text-lg font-semibold">
              Import public holidays
            </h2>
            <p className="text-sm text-slate-700">
              A country&apos;s (or region&apos;s) public holidays for a year. You see the list first; nothing is added
              until you confirm.
            </p>
            <ImportHolidays />
          </Card>
        </>
      )}
    </div>
  );
}

function useRefreshCalendar() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.calendar.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() }),
    ]);
  };
}

function HolidayList({ holidays, canManage }: { holidays: Holiday[]; canManage: boolean }) {
  const team = useTeam();
  const trpc = useTRPC();
  const refresh = useRefreshCalendar();
  const remove = useMutation(
    trpc.calendar.removeHoliday.mutationOptions({
      onSuccess: async () => {
        toast.success("Holiday removed.");
        await refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  return (
    <ul className="divide-y divide-slate-200" aria-label="Team holidays">
      {holidays.map((h) => (
        <li key={h.id} className="flex min-h-11 items-center justify-between gap-2 py-1">
          <span className="min-w-0">
            <span className="block font-medium break-words">{h.name}</span>
            <span className="block text-sm text-slate-700">
              <time dateTime={h.day}>{formatWeekday(h.day)}</time>
            </span>
          </span>
          {canManage && (
            <Button
              variant="ghost"
              className="shrink-0"
              busy={remove.isPending && remove.variables?.holidayId === h.id}
              onClick={() => remove.mutate({ teamId: team.id, holidayId: h.id })}
              aria-label={`Remove ${h.name}, ${formatDay(h.day)}`}
            >
              <Trash2 aria-hidden className="size-5" />
              <span aria-hidden>Remove</span>
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

type HolidayIn = z.input<typeof ZHolidayFields>;
type HolidayOut = z.output<typeof ZHolidayFields>;

function AddHolidayForm() {
  const team = useTeam();
  const trpc = useTRPC();
  const refresh = useRefreshCalendar();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<HolidayIn, unknown, HolidayOut>({
    resolver: zodResolver(ZHolidayFields),
    defaultValues: { day: "", name: "" },
  });
  const { register, handleSubmit, setError, reset, formState } = form;
  const add = useMutation(
    trpc.calendar.addHoliday.mutationOptions({
      onSuccess: async (h) => {
        toast.success(`${h.name} added.`);
        reset();
        await refresh();
      },
      onError: (error) => {
        const { fields, message } = formErrorsFrom(error);
        for (const [name, text] of Object.entries(fields)) {
          if (name === "day" || name === "name") setError(name, { message: text }, { shouldFocus: true });
        }
        setFormError(message);
      },
    }),
  );
  return (
    <form
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        add.mutate({ teamId: team.id, ...values });
      })}
      noValidate
      aria-label="Add a holiday"
      className="space-y-3"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Date" type="date" error={formState.errors.day?.message} {...register("day")} />
        <TextField
          label="Name"
          autoComplete="off"
          placeholder="e.g. Company day"
          error={formState.errors.name?.message}
          {...register("name")}
        />
      </div>
      {formError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {formError}
        </p>
      )}
      <Button type="submit" busy={add.isPending}>
        Add holiday
      </Button>
    </form>
  );
}

type ImportIn = z.input<typeof ZHolidayImportQuery>;
type ImportOut = z.output<typeof ZHolidayImportQuery>;

function ImportHolidays() {
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

function GoalsToReplan() {
  const team = useTeam();
  const trpc = useTRPC();
  const goals = useQuery(trpc.calendar.goalsToReplan.queryOptions({ teamId: team.id }));
  if (!goals.data || goals.data.length === 0) return null;
  const n = goals.data.length;
  return (
    <Card role="region" aria-labelledby="replan-heading" className="space-y-3 border-amber-300">
      <h2 id="replan-heading" className="text-lg font-semibold">
        Goals to re-plan
      </h2>
      <StatusNote
        tone="warn"
        label={`${n} ${n === 1 ? "goal was" : "goals were"} planned without the team's current holidays.`}
      >
        Their plans have not changed. Preview a re-plan to see what moves, then apply it — or leave it as it is.
      </StatusNote>
      <ul className="space-y-3">
        {goals.data.map((g) => (
          <li key={g.goalId}>
            <GoalReplan goal={g} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function GoalReplan({ goal }: { goal: GoalToReplan }) {
  const team = useTeam();
  const trpc = useTRPC();
  const refresh = useRefreshCalendar();
  const [open, setOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const preview = useQuery({
    ...trpc.goal.previewChange.queryOptions({ teamId: team.id, goalId: goal.goalId, change: { kind: "holidays" } }),
    enabled: open,
    retry: false,
  });
  useEffect(() => {
    if (preview.data) headingRef.current?.focus();
  }, [preview.data]);
  const apply = useMutation(
    trpc.goal.applyChange.mutationOptions({
      onSuccess: async () => {
        toast.success(`${goal.name} re-planned for the team's holidays.`);
        setOpen(false);
        await refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const fmt = amountFormatter(goal.unit, team.currency);
  const what = [
    goal.added.length > 0 && `without ${goal.added.map((h) => `${h.name} (${formatDay(h.day)})`).join(", ")}`,
    goal.removed.length > 0 && `still skipping ${goal.removed.map(formatDay).join(", ")}`,
  ]
    .filter(Boolean)
    .join("; ");
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid="goal-to-replan">
      <p>
        <Link href={`/${team.slug}/plan/goals/${goal.goalId}`} className="font-semibold underline">
          {goal.name}
        </Link>{" "}
        <span className="text-sm text-slate-700">
          ({formatDay(goal.startDate)} – {formatDay(goal.deadline)}): planned {what}.
        </span>
      </p>
      {!open ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Preview re-plan<span className="sr-only"> of {goal.name}</span>
        </Button>
      ) : preview.isPending ? (
        <p aria-busy="true" className="text-slate-700">
          Working out what moves…
        </p>
      ) : preview.isError ? (
        <StatusNote tone="warn" label="Cannot preview:">
          {preview.error.message}
        </StatusNote>
      ) : (
        <div className="space-y-3" data-testid="replan-preview">
          <h3 ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
            What the re-plan changes
          </h3>
          {preview.data.calendar ? (
            <ReplanPreview change={preview.data.calendar} format={fmt} />
          ) : (
            <p>Nothing changes.</p>
          )}
          {preview.data.conflicts.length > 0 ? (
            <StatusNote tone="warn" label="Cannot be applied:">
              {preview.data.conflicts.map((c) => c.message).join(" ")}
            </StatusNote>
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button
                busy={apply.isPending}
                onClick={() =>
                  apply.mutate({
                    teamId: team.id,
                    goalId: goal.goalId,
                    version: preview.data.version,
                    change: { kind: "holidays" },
                  })
                }
              >
                Apply re-plan
              </Button>
              <Button variant="ghost" onClick={() => setOpen(false)}>
                Not now
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
