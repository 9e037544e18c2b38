"use client";
/** The team's metrics: add, edit (name, unit, minutes per action) and archive — the owner; everyone else reads. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { formErrorsFrom } from "@/components/ui/form-error";
import { useTRPC } from "@/trpc/react";
import type { Metric } from "./types";

const unitWords: Record<string, string> = { COUNT: "count", MONEY: "money", MINUTES: "minutes" };

export function MetricsSettings({ metrics, canEdit }: { metrics: Metric[]; canEdit: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
        {metrics.map((m) => (
          <li key={m.id} className="p-3">
            {editing === m.id ? (
              <MetricForm metric={m} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div>
                  <p className="font-medium">{m.name}</p>
                  <p className="text-sm text-slate-700">
                    {m.kind === "RESULT" ? "Result" : "Activity"} · {unitWords[m.unit]}
                    {m.minutesPerAction !== null ? ` · ${m.minutesPerAction} min each` : ""}
                  </p>
                </div>
                {canEdit && (
                  <Button size="sm" variant="ghost" onClick={() => setEditing(m.id)}>
                    Edit<span className="sr-only"> {m.name}</span>
                  </Button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {canEdit &&
        (editing === "new" ? (
          <div className="rounded-lg border border-slate-200 p-3">
            <MetricForm onDone={() => setEditing(null)} />
          </div>
        ) : (
          <Button variant="secondary" onClick={() => setEditing("new")}>
            Add a metric
          </Button>
        ))}
    </div>
  );
}

function MetricForm({ metric, onDone }: { metric?: Metric; onDone: () => void }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(metric?.name ?? "");
  const [key, setKey] = useState(metric?.key ?? "");
  const [kind, setKind] = useState<"RESULT" | "ACTIVITY">(metric?.kind ?? "ACTIVITY");
  const [unit, setUnit] = useState<"COUNT" | "MONEY" | "MINUTES">(metric?.unit ?? "COUNT");
  const [minutes, setMinutes] = useState(metric?.minutesPerAction != null ? String(metric.minutesPerAction) : "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const done = {
    onSuccess: async () => {
      toast.success(metric ? "Metric saved." : "Metric added.");
      await queryClient.invalidateQueries({ queryKey: trpc.metric.pathKey() });
      onDone();
    },
    onError: (e: unknown) => {
      const f = formErrorsFrom(e);
      setErrors(f.fields);
      setMessage(f.message);
    },
  };
  const create = useMutation(trpc.metric.create.mutationOptions(done));
  const update = useMutation(trpc.metric.update.mutationOptions(done));
  const archive = useMutation(trpc.metric.archive.mutationOptions(done));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minutesPerAction = minutes.trim() === "" ? null : Math.trunc(Number(minutes));
    if (minutesPerAction !== null && !Number.isFinite(minutesPerAction)) {
      setErrors({ minutesPerAction: "Whole minutes" });
      return;
    }
    const fields = { name, kind, unit, minutesPerAction };
    if (metric) update.mutate({ teamId: team.id, metricId: metric.id, ...fields });
    else create.mutate({ teamId: team.id, key: key || name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, ""), ...fields });
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={metric ? `Edit ${metric.name}` : "New metric"} noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoFocus />
        {!metric && <TextField label="Key (optional)" value={key} onChange={(e) => setKey(e.target.value)} error={errors.key} hint="e.g. calls" />}
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="ACTIVITY">Activity (what people do)</option>
          <option value="RESULT">Result (what it leads to)</option>
        </SelectField>
        <SelectField label="Unit" value={unit} onChange={(e) => setUnit(e.target.value as typeof unit)} error={errors.unit}>
          <option value="COUNT">Count</option>
          <option value="MONEY">Money ({team.currency})</option>
          <option value="MINUTES">Minutes</option>
        </SelectField>
        <TextField
          label="Minutes one action takes"
          type="number"
          inputMode="numeric"
          min={0}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={errors.minutesPerAction}
        />
      </div>
      {message && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {message}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={create.isPending || update.isPending}>
          Save
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        {metric && (
          <Button variant="danger" busy={archive.isPending} onClick={() => archive.mutate({ teamId: team.id, metricId: metric.id })}>
            Archive
          </Button>
        )}
      </div>
    </form>
  );
}
