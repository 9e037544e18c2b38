"use client";
/**
 * The team calendar (phone first): the team's holidays — everyone reads them; the owner and leaders add one, remove
 * one, or import a country's public holidays after a preview — and the goals planned without the current holidays,
 * each with "Preview re-plan" → what moves for whom → "Apply re-plan" (a versioned goal change, in the history).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { CalendarOff, CalendarPlus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { formatDay } from "@/components/plan/format";
import { StatusNote } from "@/components/plan/status";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { ZHolidayFields } from "@/server/schemas/calendar";
import { useTRPC } from "@/trpc/react";
import { formatWeekday } from "./format";
import type { Holiday } from "./types";
import { ImportHolidays } from "./holiday-import";
import { useRefreshCalendar } from "./use-refresh-calendar";
import { GoalsToReplan } from "./goal-replan";

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
        <QueryState
          query={holidays}
          loading="Loading the holidays…"
          error="Could not load the holidays"
          empty={{
            when: (data) => data.holidays.length === 0,
            children: (
              <p className="text-slate-700">
                No team holidays yet.{canManage ? " Add one below or import your country's public holidays." : ""}
              </p>
            ),
          }}
        >
          {(data) => <HolidayList holidays={data.holidays} canManage={canManage} />}
        </QueryState>
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
      onError: (error) => setServerErrors(error, setError, ["day", "name"]),
    }),
  );
  return (
    <form
      onSubmit={handleSubmit((values) => {
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
      <FormAlert message={formState.errors.root?.server?.message} />
      <Button type="submit" busy={add.isPending}>
        Add holiday
      </Button>
    </form>
  );
}
