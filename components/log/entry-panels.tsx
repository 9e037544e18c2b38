"use client";
/**
 * The panels an entry row opens — edit (amount, note, day) and the history of every change — loaded when first
 * opened, off the Log page's first-load JavaScript (entry-row.tsx).
 */
import { useId, useState, type FormEvent } from "react";
import { toast } from "@/components/ui/lazy-toast";
import { Button } from "@/components/ui/button";
import { lightClient } from "@/trpc/light";
import {
  amountInputMode,
  amountToInput,
  ENTRY_AMOUNT_LIMITS,
  formatAmount,
  parseAmount,
  type MetricUnit,
} from "@/server/domain/money";
import { dayLabel } from "./day-label";
import type { EntryRowProps, RowEntry } from "./entry-row";
import { refreshLogQueries, useLightMutation, useLightQuery } from "./light-query";

export function EditForm(
  props: Pick<EntryRowProps, "metric" | "teamId" | "currency" | "day" | "today" | "allowedDays"> & {
    entry: RowEntry & { version: number };
    onDone: () => void;
  },
) {
  const { entry, metric, teamId, currency } = props;
  const id = useId();
  const [amount, setAmount] = useState(amountToInput(entry.amount, metric.unit, currency));
  const [note, setNote] = useState(entry.note ?? "");
  const [day, setDay] = useState(props.day);
  const [error, setError] = useState<string | null>(null);
  const save = useLightMutation(
    (input: Parameters<typeof lightClient.entry.update>[0]) => lightClient.entry.update(input),
    {
      onSuccess: () => {
        toast.success("Entry updated");
        void refreshLogQueries();
        props.onDone();
      },
      onError: (e) => setError(e.message),
    },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseAmount(amount, metric.unit, currency, undefined, ENTRY_AMOUNT_LIMITS);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    save.mutate({
      teamId,
      entryId: entry.id,
      version: entry.version,
      amount: parsed.value,
      note: note.trim() ? note.trim() : null,
      day,
    });
  };
  const days = props.allowedDays.includes(props.day) ? props.allowedDays : [props.day, ...props.allowedDays];

  return (
    <form
      onSubmit={submit}
      className="mt-2 space-y-3 rounded-lg bg-slate-100 p-3"
      aria-label={`Edit ${metric.name} entry`}
      noValidate
    >
      <div className="grid grid-cols-2 gap-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-amount`} className="block text-sm font-medium text-slate-800">
            Amount
          </label>
          <input
            id={`${id}-amount`}
            inputMode={amountInputMode(metric.unit, currency)}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-day`} className="block text-sm font-medium text-slate-800">
            Day
          </label>
          <select
            id={`${id}-day`}
            value={day}
            onChange={(e) => setDay(e.target.value)}
            className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-2 text-base"
          >
            {days.map((d) => (
              <option key={d} value={d}>
                {dayLabel(d, props.today)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-note`} className="block text-sm font-medium text-slate-800">
          Note (optional)
        </label>
        <input
          id={`${id}-note`}
          value={note}
          maxLength={280}
          onChange={(e) => setNote(e.target.value)}
          className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base"
        />
      </div>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" busy={save.isPending}>
          Save
        </Button>
        <Button variant="secondary" onClick={props.onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function EntryHistory({
  teamId,
  entryId,
  unit,
  currency,
}: {
  teamId: string;
  entryId: string;
  unit: MetricUnit;
  currency: string;
}) {
  const history = useLightQuery(`entry.history:${entryId}`, () => lightClient.entry.history({ teamId, entryId }));
  if (history.error) return <p className="mt-2 text-sm text-red-700">{history.error.message}</p>;
  if (!history.data) return <p className="mt-2 text-sm text-slate-700">Loading history…</p>;
  const words = { create: "Logged", update: "Changed to", delete: "Deleted" } as Record<string, string>;
  return (
    <ol className="mt-2 space-y-1 rounded-lg bg-slate-100 p-3 text-sm text-slate-800" aria-label="Change history">
      {history.data.map((h, i) => (
        <li key={i}>
          <span className="font-medium">{words[h.action] ?? h.action}</span> {formatAmount(h.amount, unit, currency)}{" "}
          for {h.day}
          {h.note && <> (“{h.note}”)</>} — {h.by.name},{" "}
          {new Date(h.at).toLocaleString("en-GB", {
            day: "numeric",
            month: "short",
            hour: "2-digit",
            minute: "2-digit",
          })}
        </li>
      ))}
    </ol>
  );
}
