"use client";
/**
 * One entry of the day: amount, activity, note, time; edit (amount, note, day), delete (with a confirm step) and
 * the history of every change. Entries still on the device say so and can only be removed.
 */
import { CloudOff, History, Pencil, Trash2 } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { toast } from "@/components/ui/lazy-toast";
import { Button } from "@/components/ui/button";
import { lightClient } from "@/trpc/light";
import { amountToInput, formatAmount, parseAmount, type MetricUnit } from "./amount";
import { dayLabel } from "./day-label";
import { refreshLogQueries, useLightQuery } from "./light-query";

export interface RowEntry {
  id: string;
  metricId: string;
  amount: number;
  note: string | null;
  version: number | null;
  at: Date;
  pending: boolean;
}

interface Props {
  entry: RowEntry;
  metric: { name: string; unit: MetricUnit };
  teamId: string;
  currency: string;
  day: string;
  today: string;
  allowedDays: string[];
  onRemovePending: (id: string) => void;
  /** False: history only (an upline whose team does not let uplines change entries). */
  canChange?: boolean;
  /** Shown before the time when the list spans several days. */
  dayText?: string;
}

const timeOf = (d: Date) => d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });

export function EntryRow({ entry, metric, teamId, currency, day, today, allowedDays, onRemovePending, canChange = true, dayText }: Props) {
  const [mode, setMode] = useState<"view" | "edit" | "delete" | "history">("view");
  const amountText = formatAmount(entry.amount, metric.unit, currency);
  const label = `${amountText} ${metric.name} at ${timeOf(entry.at)}`;
  const [removing, setRemoving] = useState(false);
  const remove = (input: { teamId: string; entryId: string; version?: number }) => {
    setRemoving(true);
    lightClient.entry
      .delete(input)
      .then(
        () => {
          toast.success(`Deleted ${amountText} ${metric.name}`);
          void refreshLogQueries();
        },
        (e: Error) => toast.error(e.message),
      )
      .finally(() => setRemoving(false));
  };

  return (
    <li className="py-3">
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <p className="font-medium text-slate-900">
            <span className="tabular-nums">{amountText}</span> {metric.name}
          </p>
          <p className="text-sm text-slate-700">
            {dayText && <>{dayText}, </>}
            {timeOf(entry.at)}
            {entry.note && <> · {entry.note}</>}
          </p>
          {entry.pending && (
            <p className="mt-0.5 inline-flex items-center gap-1 text-sm font-medium text-slate-800">
              <CloudOff aria-hidden className="size-4" /> Waiting to sync
            </p>
          )}
        </div>
        {entry.pending ? (
          <Button variant="ghost" size="sm" onClick={() => onRemovePending(entry.id)} aria-label={`Remove ${label}`}>
            <Trash2 aria-hidden className="size-4" /> Remove
          </Button>
        ) : (
          <div className="flex shrink-0">
            {canChange && (
              <>
                <IconButton label={`Edit ${label}`} onClick={() => setMode(mode === "edit" ? "view" : "edit")} pressed={mode === "edit"}>
                  <Pencil aria-hidden className="size-4" />
                </IconButton>
                <IconButton label={`Delete ${label}`} onClick={() => setMode(mode === "delete" ? "view" : "delete")} pressed={mode === "delete"}>
                  <Trash2 aria-hidden className="size-4" />
                </IconButton>
              </>
            )}
            <IconButton label={`History of ${label}`} onClick={() => setMode(mode === "history" ? "view" : "history")} pressed={mode === "history"}>
              <History aria-hidden className="size-4" />
            </IconButton>
          </div>
        )}
      </div>
      {mode === "edit" && entry.version !== null && (
        <EditForm
          entry={{ ...entry, version: entry.version }}
          metric={metric}
          teamId={teamId}
          currency={currency}
          day={day}
          today={today}
          allowedDays={allowedDays}
          onDone={() => setMode("view")}
        />
      )}
      {mode === "delete" && (
        <div className="mt-2 flex flex-wrap items-center gap-2 rounded-lg bg-red-50 p-3">
          <p className="flex-1 text-sm text-red-900">Delete {amountText} {metric.name}? It stays in the history.</p>
          <Button variant="danger" size="sm" busy={removing} onClick={() => remove({ teamId, entryId: entry.id, version: entry.version ?? undefined })}>
            Delete
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setMode("view")}>
            Keep
          </Button>
        </div>
      )}
      {mode === "history" && <EntryHistory teamId={teamId} entryId={entry.id} unit={metric.unit} currency={currency} />}
    </li>
  );
}

function IconButton({ label, pressed, onClick, children }: { label: string; pressed: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-expanded={pressed}
      onClick={onClick}
      className="flex size-11 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 aria-expanded:bg-slate-200 aria-expanded:text-slate-900"
    >
      {children}
    </button>
  );
}

function EditForm(props: {
  entry: RowEntry & { version: number };
  metric: { name: string; unit: MetricUnit };
  teamId: string;
  currency: string;
  day: string;
  today: string;
  allowedDays: string[];
  onDone: () => void;
}) {
  const { entry, metric, teamId, currency } = props;
  const id = useId();
  const [amount, setAmount] = useState(amountToInput(entry.amount, metric.unit, currency));
  const [note, setNote] = useState(entry.note ?? "");
  const [day, setDay] = useState(props.day);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseAmount(amount, metric.unit, currency);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    setSaving(true);
    lightClient.entry
      .update({ teamId, entryId: entry.id, version: entry.version, amount: parsed.value, note: note.trim() ? note.trim() : null, day })
      .then(
        () => {
          toast.success("Entry updated");
          void refreshLogQueries();
          props.onDone();
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => setSaving(false));
  };
  const days = props.allowedDays.includes(props.day) ? props.allowedDays : [props.day, ...props.allowedDays];

  return (
    <form onSubmit={submit} className="mt-2 space-y-3 rounded-lg bg-slate-100 p-3" aria-label={`Edit ${metric.name} entry`} noValidate>
      <div className="grid grid-cols-2 gap-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-amount`} className="block text-sm font-medium text-slate-800">
            Amount
          </label>
          <input
            id={`${id}-amount`}
            inputMode={metric.unit === "MONEY" ? "decimal" : "numeric"}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-day`} className="block text-sm font-medium text-slate-800">
            Day
          </label>
          <select id={`${id}-day`} value={day} onChange={(e) => setDay(e.target.value)} className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-2 text-base">
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
        <input id={`${id}-note`} value={note} maxLength={280} onChange={(e) => setNote(e.target.value)} className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base" />
      </div>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" busy={saving}>
          Save
        </Button>
        <Button variant="secondary" size="sm" onClick={props.onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function EntryHistory({ teamId, entryId, unit, currency }: { teamId: string; entryId: string; unit: MetricUnit; currency: string }) {
  const history = useLightQuery(`entry.history:${entryId}`, () => lightClient.entry.history({ teamId, entryId }));
  if (history.error) return <p className="mt-2 text-sm text-red-700">{history.error.message}</p>;
  if (!history.data) return <p className="mt-2 text-sm text-slate-700">Loading history…</p>;
  const words = { create: "Logged", update: "Changed to", delete: "Deleted" } as Record<string, string>;
  return (
    <ol className="mt-2 space-y-1 rounded-lg bg-slate-100 p-3 text-sm text-slate-800" aria-label="Change history">
      {history.data.map((h, i) => (
        <li key={i}>
          <span className="font-medium">{words[h.action] ?? h.action}</span> {formatAmount(h.amount, unit, currency)} for {h.day}
          {h.note && <> (“{h.note}”)</>} — {h.by.name},{" "}
          {new Date(h.at).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })}
        </li>
      ))}
    </ol>
  );
}
