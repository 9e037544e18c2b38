"use client";
/**
 * A result metric's funnel: ordered steps "N of this activity → M of the next step" (the last step into the result
 * may be a value per action, e.g. 1 sponsor → £500). The owner edits; others read.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useTRPC } from "@/trpc/react";
import { amountInputMode, formatMoney, parseMoney, toInputString } from "@/server/domain/money";
import type { Metric, MetricList } from "./types";

type Step = { activityMetricId: string; fromCount: string; toCount: string };

export function FunnelEditor({ result, funnel, metrics, canEdit }: { result: Metric; funnel: MetricList["funnels"][number] | undefined; metrics: Metric[]; canEdit: boolean }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The last step into a money result is a value per action: typed and shown in the currency, stored in minor units.
  const money = result.unit === "MONEY";
  const stored = funnel?.steps ?? [];
  const initial = stored.map((s, i) => ({
    activityMetricId: s.activityMetricId,
    fromCount: String(s.fromCount),
    toCount: money && i === stored.length - 1 ? toInputString(s.toCount, team.currency) : String(s.toCount),
  }));
  const [steps, setSteps] = useState<Step[]>(initial);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.metric.setFunnel.mutationOptions({
      onSuccess: async () => {
        toast.success(`Funnel for ${result.name} saved.`);
        setError(null);
        await queryClient.invalidateQueries({ queryKey: trpc.metric.pathKey() });
      },
      onError: (e) => setError(e.message),
    }),
  );
  const nameOf = (id: string) => metrics.find((m) => m.id === id)?.name ?? "?";
  const candidates = metrics.filter((m) => m.id !== result.id);
  const set = (i: number, patch: Partial<Step>) => setSteps((s) => s.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  if (!canEdit) {
    return initial.length === 0 ? (
      <p className="text-sm text-slate-700">No funnel.</p>
    ) : (
      <ol className="space-y-1 text-sm">
        {initial.map((s, i) => (
          <li key={i}>
            {s.fromCount} {nameOf(s.activityMetricId).toLowerCase()} → {money && i === initial.length - 1 ? formatMoney(stored[i]!.toCount, team.currency) : s.toCount} {i + 1 < initial.length ? nameOf(initial[i + 1]!.activityMetricId).toLowerCase() : result.name.toLowerCase()}
          </li>
        ))}
      </ol>
    );
  }

  return (
    <form
      className="space-y-3"
      aria-label={`Funnel for ${result.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        // The value per action of a money result: typed in major units, read by the one money parser.
        const last = steps.length - 1;
        const value = money && last >= 0 ? parseMoney(steps[last]!.toCount, team.currency, undefined, { min: 1 }) : null;
        if (value && !value.ok) {
          setError(`Step ${last + 1}: ${value.message}`);
          return;
        }
        const parsed = steps.map((s, i) => ({
          activityMetricId: s.activityMetricId,
          fromCount: Math.trunc(Number(s.fromCount)),
          toCount: value?.ok && i === last ? value.value : Math.trunc(Number(s.toCount)),
        }));
        if (parsed.some((s) => !s.activityMetricId || !(s.fromCount >= 1) || !(s.toCount >= 1) || !Number.isSafeInteger(s.toCount))) {
          setError("Each step needs a metric and whole numbers of at least 1.");
          return;
        }
        save.mutate({ teamId: team.id, resultMetricId: result.id, steps: parsed });
      }}
    >
      <ol className="space-y-2">
        {steps.map((s, i) => (
          <li key={i} className="space-y-2">
            <div className="flex flex-wrap items-end gap-2 rounded-lg bg-slate-50 p-2">
              <TextField className="w-24" label={`Step ${i + 1}: how many`} type="number" min={1} value={s.fromCount} onChange={(e) => set(i, { fromCount: e.target.value })} />
              <SelectField className="min-w-40 flex-1" label={`Step ${i + 1}: of`} value={s.activityMetricId} onChange={(e) => set(i, { activityMetricId: e.target.value })}>
                <option value="">Choose…</option>
                {candidates.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </SelectField>
              <TextField
                className="w-28"
                label={`Step ${i + 1}: turn into`}
                type={money && i === steps.length - 1 ? "text" : "number"}
                inputMode={money && i === steps.length - 1 ? amountInputMode("MONEY", team.currency) : "numeric"}
                min={money && i === steps.length - 1 ? undefined : 1}
                value={s.toCount}
                onChange={(e) => set(i, { toCount: e.target.value })}
                hint={i + 1 < steps.length ? `of ${nameOf(steps[i + 1]!.activityMetricId).toLowerCase()}` : `of ${result.name.toLowerCase()}${money ? ` (${team.currency})` : ""}`}
              />
              <Button variant="ghost" aria-label={`Remove step ${i + 1}`} onClick={() => setSteps((x) => x.filter((_, j) => j !== i))}>
                <Trash2 aria-hidden className="size-5" />
              </Button>
            </div>
            {i + 1 < steps.length && <ArrowDown aria-hidden className="mx-auto size-4 text-slate-500" />}
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" disabled={steps.length >= 8} onClick={() => setSteps((x) => [...x, { activityMetricId: "", fromCount: "1", toCount: "1" }])}>
          <Plus aria-hidden className="size-4" /> Add step
        </Button>
        <Button type="submit" size="sm" busy={save.isPending}>
          Save funnel
        </Button>
      </div>
    </form>
  );
}
