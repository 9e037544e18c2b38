"use client";
/**
 * One entry of the day: amount, activity, note, time; edit (amount, note, day), delete (with a confirm step) and
 * the history of every change. Entries still on the device say so and can only be removed.
 */
import { CloudOff, History, Pencil, Trash2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { toast } from "@/components/ui/lazy-toast";
import { Button } from "@/components/ui/button";
import { lightClient } from "@/trpc/light";
import { formatAmount, type MetricUnit } from "@/server/domain/money";
import { refreshLogQueries, useLightMutation } from "./light-query";

const EditForm = dynamic(() => import("./entry-panels").then((m) => m.EditForm), {
  ssr: false,
  loading: () => <Opening />,
});
const EntryHistory = dynamic(() => import("./entry-panels").then((m) => m.EntryHistory), {
  ssr: false,
  loading: () => <Opening />,
});
const Opening = () => <p className="mt-2 text-sm text-slate-700">Opening…</p>;

export interface RowEntry {
  id: string;
  metricId: string;
  amount: number;
  note: string | null;
  version: number | null;
  at: Date;
  pending: boolean;
}

export interface EntryRowProps {
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

const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });
const timeOf = (d: Date) => timeFormat.format(d);

export function EntryRow({
  entry,
  metric,
  teamId,
  currency,
  day,
  today,
  allowedDays,
  onRemovePending,
  canChange = true,
  dayText,
}: EntryRowProps) {
  const [mode, setMode] = useState<"view" | "edit" | "delete" | "history">("view");
  const amountText = formatAmount(entry.amount, metric.unit, currency);
  const label = `${amountText} ${metric.name} at ${timeOf(entry.at)}`;
  const remove = useLightMutation(
    (input: { teamId: string; entryId: string; version?: number }) => lightClient.entry.delete(input),
    {
      onSuccess: () => {
        toast.success(`Deleted ${amountText} ${metric.name}`);
        void refreshLogQueries();
      },
      onError: (e) => toast.error(e.message),
    },
  );

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
          <Button variant="ghost" onClick={() => onRemovePending(entry.id)} aria-label={`Remove ${label}`}>
            <Trash2 aria-hidden className="size-4" /> Remove
          </Button>
        ) : (
          <div className="flex shrink-0">
            {canChange && (
              <>
                <IconButton
                  label={`Edit ${label}`}
                  onClick={() => setMode(mode === "edit" ? "view" : "edit")}
                  pressed={mode === "edit"}
                >
                  <Pencil aria-hidden className="size-4" />
                </IconButton>
                <IconButton
                  label={`Delete ${label}`}
                  onClick={() => setMode(mode === "delete" ? "view" : "delete")}
                  pressed={mode === "delete"}
                >
                  <Trash2 aria-hidden className="size-4" />
                </IconButton>
              </>
            )}
            <IconButton
              label={`History of ${label}`}
              onClick={() => setMode(mode === "history" ? "view" : "history")}
              pressed={mode === "history"}
            >
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
          <p className="flex-1 text-sm text-red-900">
            Delete {amountText} {metric.name}? It stays in the history.
          </p>
          <Button
            variant="danger"
            busy={remove.isPending}
            onClick={() => remove.mutate({ teamId, entryId: entry.id, version: entry.version ?? undefined })}
          >
            Delete
          </Button>
          <Button variant="secondary" onClick={() => setMode("view")}>
            Keep
          </Button>
        </div>
      )}
      {mode === "history" && <EntryHistory teamId={teamId} entryId={entry.id} unit={metric.unit} currency={currency} />}
    </li>
  );
}

function IconButton({
  label,
  pressed,
  onClick,
  children,
}: {
  label: string;
  pressed: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
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
