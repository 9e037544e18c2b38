"use client";
/**
 * A result metric's funnel: ordered steps "N of this activity → M of the next step" (the last step into the result
 * may be a value per action, e.g. 1 sponsor → £500). The owner edits; others read.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, Plus, Trash2 } from "lucide-react";
import { useMemo } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { amountInputMode, formatMoney } from "@/server/domain/money";
import { useTRPC } from "@/trpc/react";
import {
  funnelFormSchema,
  funnelToText,
  MAX_FUNNEL_STEPS,
  type FunnelFormIn,
  type FunnelFormOut,
} from "./funnel-form-schema";
import type { Metric, MetricList } from "./types";

export function FunnelEditor({
  result,
  funnel,
  metrics,
  canEdit,
}: {
  result: Metric;
  funnel: MetricList["funnels"][number] | undefined;
  metrics: Metric[];
  canEdit: boolean;
}) {
  const team = useTeam();
  // The last step into a money result is a value per action: typed and shown in the currency, stored in minor units.
  const money = result.unit === "MONEY";
  const stored = funnel?.steps ?? [];
  const nameOf = (id: string) => metrics.find((m) => m.id === id)?.name ?? "?";

  if (!canEdit) {
    return stored.length === 0 ? (
      <p className="text-sm text-slate-700">No funnel.</p>
    ) : (
      <ol className="space-y-1 text-sm">
        {stored.map((s, i) => (
          <li key={i}>
            {s.fromCount} {nameOf(s.activityMetricId).toLowerCase()} →{" "}
            {money && i === stored.length - 1 ? formatMoney(s.toCount, team.currency) : s.toCount}{" "}
            {i + 1 < stored.length ? nameOf(stored[i + 1]!.activityMetricId).toLowerCase() : result.name.toLowerCase()}
          </li>
        ))}
      </ol>
    );
  }
  return <FunnelForm result={result} stored={stored} metrics={metrics} nameOf={nameOf} />;
}

function FunnelForm({
  result,
  stored,
  metrics,
  nameOf,
}: {
  result: Metric;
  stored: NonNullable<MetricList["funnels"][number]>["steps"];
  metrics: Metric[];
  nameOf: (id: string) => string;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const money = result.unit === "MONEY";
  const schema = useMemo(() => funnelFormSchema(money, team.currency), [money, team.currency]);
  const { register, handleSubmit, setError, control, formState } = useForm<FunnelFormIn, unknown, FunnelFormOut>({
    resolver: zodResolver(schema),
    defaultValues: { steps: funnelToText(stored, money, team.currency) },
  });
  const steps = useFieldArray({ control, name: "steps" });
  const typed = useWatch({ control, name: "steps" });
  const errors = formState.errors;
  const save = useMutation(
    trpc.metric.setFunnel.mutationOptions({
      onSuccess: async () => {
        toast.success(`Funnel for ${result.name} saved.`);
        await queryClient.invalidateQueries({ queryKey: trpc.metric.pathKey() });
      },
      // The service names a step's field ("steps.2.toCount"); anything about the whole funnel is the form's message.
      onError: (e) =>
        setServerErrors(
          e,
          setError,
          steps.fields.flatMap((_, i) => [`steps.${i}.toCount` as const, `steps.${i}.fromCount` as const]),
        ),
    }),
  );
  const candidates = metrics.filter((m) => m.id !== result.id);
  const submit = handleSubmit((v) => save.mutate({ teamId: team.id, resultMetricId: result.id, steps: v.steps }));
  const count = steps.fields.length;

  return (
    <form className="space-y-3" aria-label={`Funnel for ${result.name}`} onSubmit={(e) => void submit(e)} noValidate>
      <ol className="space-y-2">
        {steps.fields.map((f, i) => {
          const last = i === count - 1;
          const valueStep = money && last;
          const next = typed[i + 1]?.activityMetricId;
          return (
            <li key={f.id} className="space-y-2">
              <div className="flex flex-wrap items-end gap-2 rounded-lg bg-slate-50 p-2">
                <TextField
                  className="w-24"
                  label={`Step ${i + 1}: how many`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  {...register(`steps.${i}.fromCount`)}
                  error={errors.steps?.[i]?.fromCount?.message}
                />
                <SelectField
                  className="min-w-40 flex-1"
                  label={`Step ${i + 1}: of`}
                  {...register(`steps.${i}.activityMetricId`)}
                  error={errors.steps?.[i]?.activityMetricId?.message}
                >
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
                  type={valueStep ? "text" : "number"}
                  inputMode={valueStep ? amountInputMode("MONEY", team.currency) : "numeric"}
                  min={valueStep ? undefined : 1}
                  autoComplete="off"
                  {...register(`steps.${i}.toCount`)}
                  error={errors.steps?.[i]?.toCount?.message}
                  hint={
                    next !== undefined
                      ? `of ${nameOf(next).toLowerCase()}`
                      : `of ${result.name.toLowerCase()}${money ? ` (${team.currency})` : ""}`
                  }
                />
                <Button variant="ghost" aria-label={`Remove step ${i + 1}`} onClick={() => steps.remove(i)}>
                  <Trash2 aria-hidden className="size-5" />
                </Button>
              </div>
              {!last && <ArrowDown aria-hidden className="mx-auto size-4 text-slate-500" />}
            </li>
          );
        })}
      </ol>
      <FormAlert message={errors.steps?.root?.message ?? errors.steps?.message ?? errors.root?.server?.message} />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          size="sm"
          disabled={count >= MAX_FUNNEL_STEPS}
          onClick={() => steps.append({ activityMetricId: "", fromCount: "1", toCount: "1" })}
        >
          <Plus aria-hidden className="size-4" /> Add step
        </Button>
        <Button type="submit" size="sm" busy={save.isPending}>
          Save funnel
        </Button>
      </div>
    </form>
  );
}
