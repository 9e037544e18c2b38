"use client";
/** The team's metrics: add, edit (name, unit, minutes per action) and archive — the owner; everyone else reads. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { ZMetricFields, ZMetricKey } from "@/server/schemas/metric";
import { zOptionalAmountText } from "@/server/schemas/money";
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

function metricSchema(currency: string) {
  return z.object({
    name: ZMetricFields.shape.name,
    key: z.union([z.literal(""), ZMetricKey]),
    kind: ZMetricFields.shape.kind,
    unit: z.enum(["COUNT", "MONEY", "MINUTES"]),
    minutesPerAction: zOptionalAmountText("MINUTES", currency, { max: 600 }),
  });
}
type MetricIn = z.input<ReturnType<typeof metricSchema>>;
type MetricOut = z.output<ReturnType<typeof metricSchema>>;

/** A key from the name when none is typed: "Calls made" → "calls_made". */
const keyFrom = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

function MetricForm({ metric, onDone }: { metric?: Metric; onDone: () => void }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schema = useMemo(() => metricSchema(team.currency), [team.currency]);
  const { register, handleSubmit, setError, formState } = useForm<MetricIn, unknown, MetricOut>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: metric?.name ?? "",
      key: "",
      kind: metric?.kind ?? "ACTIVITY",
      unit: metric?.unit ?? "COUNT",
      minutesPerAction: metric?.minutesPerAction != null ? String(metric.minutesPerAction) : "",
    },
  });
  const errors = formState.errors;
  const done = {
    onSuccess: async () => {
      toast.success(metric ? "Metric saved." : "Metric added.");
      await queryClient.invalidateQueries({ queryKey: trpc.metric.pathKey() });
      onDone();
    },
    onError: (e: unknown) => setServerErrors(e, setError, ["name", "key", "kind", "unit", "minutesPerAction"]),
  };
  const create = useMutation(trpc.metric.create.mutationOptions(done));
  const update = useMutation(trpc.metric.update.mutationOptions(done));
  const archive = useMutation(trpc.metric.archive.mutationOptions(done));

  const submit = handleSubmit(({ key, ...fields }) => {
    if (metric) update.mutate({ teamId: team.id, metricId: metric.id, ...fields });
    else create.mutate({ teamId: team.id, key: key || keyFrom(fields.name), ...fields });
  });

  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="space-y-3"
      aria-label={metric ? `Edit ${metric.name}` : "New metric"}
      noValidate
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" {...register("name")} error={errors.name?.message} autoFocus />
        {!metric && (
          <TextField label="Key (optional)" {...register("key")} error={errors.key?.message} hint="e.g. calls" />
        )}
        <SelectField label="Kind" {...register("kind")} error={errors.kind?.message}>
          <option value="ACTIVITY">Activity (what people do)</option>
          <option value="RESULT">Result (what it leads to)</option>
        </SelectField>
        <SelectField label="Unit" {...register("unit")} error={errors.unit?.message}>
          <option value="COUNT">Count</option>
          <option value="MONEY">Money ({team.currency})</option>
          <option value="MINUTES">Minutes</option>
        </SelectField>
        <TextField
          label="Minutes one action takes"
          type="number"
          inputMode="numeric"
          min={0}
          {...register("minutesPerAction")}
          error={errors.minutesPerAction?.message}
        />
      </div>
      <FormAlert message={errors.root?.server?.message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={create.isPending || update.isPending}>
          Save
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        {metric && (
          <Button
            variant="danger"
            busy={archive.isPending}
            onClick={() => archive.mutate({ teamId: team.id, metricId: metric.id })}
          >
            Archive
          </Button>
        )}
      </div>
    </form>
  );
}
