"use client";
/**
 * "My days off" on the Plan page (phone first): the member's own holidays, sick days and other days off, added as a
 * day or a stretch of days and removed one by one. On a day off nothing is planned for them, their daily actions are
 * spread over their other open days, and their streak does not break. The team's next holidays are shown too.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Palmtree, Trash2 } from "lucide-react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { formatDay } from "@/components/plan/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { SelectField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { ZDayOffFields } from "@/server/schemas/calendar";
import { useTRPC } from "@/trpc/react";
import { formatWeekday } from "./format";

type FormIn = z.input<typeof ZDayOffFields>;
type FormOut = z.output<typeof ZDayOffFields>;

const KIND_WORDS: Record<string, string> = { HOLIDAY: "Holiday", SICK: "Sick", OTHER: "Other" };

export function MyDaysOff() {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.calendar.myDaysOff.queryOptions({ teamId: team.id }));
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.calendar.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.goal.myPlan.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.member.pathKey() }),
    ]);
  };
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(ZDayOffFields),
    defaultValues: { from: "", to: undefined, kind: "HOLIDAY" },
  });
  const { register, handleSubmit, setError, reset, formState } = form;
  const add = useMutation(
    trpc.calendar.addDayOff.mutationOptions({
      onSuccess: async (r) => {
        toast.success(`${r.added} ${r.added === 1 ? "day" : "days"} off saved.`);
        reset();
        await refresh();
      },
      onError: (error) => setServerErrors(error, setError, ["from", "to", "kind"]),
    }),
  );
  const remove = useMutation(
    trpc.calendar.removeDayOff.mutationOptions({
      onSuccess: async () => {
        toast.success("Day off removed.");
        await refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  return (
    <Card role="region" aria-labelledby="days-off-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="days-off-heading" className="flex items-center gap-2 text-lg font-semibold">
          <Palmtree aria-hidden className="size-5" />
          My days off
        </h2>
        <p className="text-sm text-slate-700">
          Nothing is planned for you on a day off: your daily actions move to your other days, and your streak waits for
          you.
        </p>
      </div>
      <QueryState
        query={list}
        loading="Loading your days off…"
        error="Could not load your days off"
        empty={{
          when: (data) => data.daysOff.length === 0,
          children: <p className="text-slate-700">No days off planned.</p>,
        }}
      >
        {(data) => (
          <ul className="divide-y divide-slate-200" aria-label="My days off">
            {data.daysOff.map((d) => (
              <li key={d.id} className="flex min-h-11 items-center justify-between gap-2 py-1">
                <span className="min-w-0">
                  <time dateTime={d.day} className="block font-medium">
                    {formatWeekday(d.day)}
                  </time>
                  <span className="block text-sm text-slate-700">{KIND_WORDS[d.kind] ?? d.kind}</span>
                </span>
                <Button
                  variant="ghost"
                  className="shrink-0"
                  busy={remove.isPending && remove.variables?.dayOffId === d.id}
                  onClick={() => remove.mutate({ teamId: team.id, dayOffId: d.id })}
                  aria-label={`Remove my day off on ${formatDay(d.day)}`}
                >
                  <Trash2 aria-hidden className="size-5" />
                  <span aria-hidden>Remove</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </QueryState>

      <form
        onSubmit={handleSubmit((values) => {
          add.mutate({ teamId: team.id, ...values });
        })}
        noValidate
        aria-label="Add days off"
        className="space-y-3 border-t border-slate-200 pt-3"
      >
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField label="First day off" type="date" error={formState.errors.from?.message} {...register("from")} />
          <TextField
            label="Last day off (optional)"
            type="date"
            hint="Leave empty for one day."
            error={formState.errors.to?.message}
            {...register("to", { setValueAs: (v: string) => (v === "" ? undefined : v) })}
          />
          <SelectField label="Kind" error={formState.errors.kind?.message} {...register("kind")}>
            <option value="HOLIDAY">Holiday</option>
            <option value="SICK">Sick</option>
            <option value="OTHER">Other</option>
          </SelectField>
        </div>
        <FormAlert message={formState.errors.root?.server?.message} />
        <Button type="submit" busy={add.isPending}>
          Add days off
        </Button>
      </form>

      {list.data && list.data.upcomingHolidays.length > 0 && (
        <div className="border-t border-slate-200 pt-3">
          <h3 className="font-semibold">Team holidays ahead</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {list.data.upcomingHolidays.slice(0, 5).map((h) => (
              <li key={h.day}>
                <time dateTime={h.day}>{formatWeekday(h.day)}</time> — {h.name}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Link
        href={`/${team.slug}/plan/calendar`}
        className="text-brand-700 inline-flex min-h-11 items-center text-sm font-medium underline"
      >
        Team calendar
      </Link>
    </Card>
  );
}
