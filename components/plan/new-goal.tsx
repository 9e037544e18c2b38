"use client";
/**
 * Create a goal (leaders): the form, then a preview of exactly what will be published — the chart, the table by
 * period, the cascade with each member's numbers and who is flagged — then Publish.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FormAlert } from "@/components/ui/form-alert";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { SelectField, TextField } from "@/components/ui/field";
import { amountInputMode, amountToInput, type MetricUnit } from "@/server/domain/money";
import { useTRPC } from "@/trpc/react";
import { goalFormSchema, leans, toGoalInput, type GoalFormValues } from "./goal-form-schema";
import { curveStrengthHint, CurveSelect } from "./curve-select";
import { GoalCheckpoints } from "./goal-checkpoints";
import { NewGoalPreview, useGoalPreview, type PreviewedGoal } from "./new-goal-preview";
import * as clock from "@/server/clock";
import { toIsoDay, toDbDay } from "@/server/domain/db-day";

export interface NewGoalDefaults {
  metricId?: string;
  /** Minor units. */
  target?: number;
  startDate?: string;
  deadline?: string;
  rootMembershipId?: string;
  name?: string;
}

function addDaysIso(iso: string, days: number): string {
  const d = toDbDay(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDay(d);
}

/** A draft being edited (`goal.update`): its id, the version seen and its fields as the form shows them. */
export interface DraftBeingEdited {
  goalId: string;
  version: number;
  values: GoalFormValues;
  /** Fields the form does not show, saved as they are (else `goal.update` would reset them to the defaults). */
  kept: { historyDays: number; historyFloorPct: number };
}

export function NewGoal({ defaults, draft }: { defaults: NewGoalDefaults; draft?: DraftBeingEdited }) {
  const team = useTeam();
  const trpc = useTRPC();
  const metrics = useQuery(trpc.metric.list.queryOptions({ teamId: team.id }));
  const tree = useQuery(trpc.member.tree.queryOptions({ teamId: team.id }));

  if (!team.leadsBranch) {
    return (
      <Card>
        <p>Only the team owner, leaders and sponsors with a downline can set goals. Your plan is on the Plan page.</p>
      </Card>
    );
  }
  const people = (tree.data?.nodes ?? []).map((n) => ({ id: n.id, name: n.name, depth: n.depth }));
  return (
    <QueryState
      // The form needs the tree too (who the goal is for): it waits for both.
      query={{
        isPending: metrics.isPending || tree.isPending,
        isError: metrics.isError,
        error: metrics.error,
        data: metrics.data,
        refetch: metrics.refetch,
      }}
      variant="card"
      error="Could not load the team's metrics"
      empty={{
        when: (data) => data.metrics.length === 0,
        children: (
          <>
            <p>The team has no metrics yet. Pick a starter template first.</p>
            <Link className="text-brand-700 font-medium underline" href={`/${team.slug}/plan/settings`}>
              Metrics, funnels and ranks
            </Link>
          </>
        ),
      }}
    >
      {(data) => <GoalForm metrics={data.metrics} people={people} defaults={defaults} draft={draft} />}
    </QueryState>
  );
}

function GoalForm({
  metrics,
  people,
  defaults,
  draft,
}: {
  metrics: { id: string; name: string; unit: MetricUnit; kind: string }[];
  people: { id: string; name: string; depth: number }[];
  defaults: NewGoalDefaults;
  draft?: DraftBeingEdited;
}) {
  const team = useTeam();
  const [today] = useState(() => clock.todayIn(team.timeZone));
  const firstResult = metrics.find((m) => m.kind === "RESULT") ?? metrics[0]!;
  const defaultMetric = metrics.find((m) => m.id === defaults.metricId) ?? firstResult;
  const unitOf = useMemo(
    () =>
      (id: string): MetricUnit =>
        metrics.find((m) => m.id === id)?.unit ?? "COUNT",
    [metrics],
  );
  // Amounts are read in the unit of the chosen metric, in the team currency (yen without decimals).
  const schema = useMemo(() => goalFormSchema(team.currency, unitOf), [team.currency, unitOf]);
  const form = useForm<GoalFormValues>({
    resolver: zodResolver(schema),
    defaultValues: draft?.values ?? {
      name: defaults.name ?? "",
      metricId: defaultMetric.id,
      rootMembershipId: defaults.rootMembershipId ?? "",
      target: defaults.target !== undefined ? amountToInput(defaults.target, defaultMetric.unit, team.currency) : "",
      baseline: "0",
      startDate: defaults.startDate ?? today,
      deadline: defaults.deadline ?? addDaysIso(today, 55),
      period: "WEEK",
      curve: "LINEAR",
      curveStrength: "",
      checkpoints: [],
      splitRule: "EVEN",
    },
  });
  const { register, handleSubmit, formState, control } = form;
  const curve = useWatch({ control, name: "curve" });
  const metricId = useWatch({ control, name: "metricId" });
  const unit = unitOf(metricId);
  const [previewed, setPreviewed] = useState<PreviewedGoal | null>(null);
  const preview = useGoalPreview(previewed);

  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.goal.update.mutationOptions({
      onSuccess: async () => {
        toast.success("Draft saved.");
        // The goal's page (and this form, opened again) read the saved draft, not what was cached before.
        await queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
        if (draft) router.push(`/${team.slug}/plan/goals/${draft.goalId}`);
      },
      onError: (err) => form.setError("root", { message: err.message }),
    }),
  );
  const onSave = handleSubmit((v) => {
    if (!draft) return;
    save.mutate({
      teamId: team.id,
      goalId: draft.goalId,
      version: draft.version,
      ...toGoalInput(v, unit, team.currency),
      ...draft.kept,
    });
  });
  const onPreview = handleSubmit((v) => {
    setPreviewed({ input: toGoalInput(v, unit, team.currency), name: v.name });
    form.reset(v); // what was previewed becomes the baseline, so later edits show as "changed since the preview"
  });
  const e = formState.errors;
  const money = unit === "MONEY";
  const amountLabel = (l: string) => (money ? `${l} (${team.currency})` : l);
  const inputMode = amountInputMode(unit, team.currency);

  return (
    <div className="space-y-6">
      <Card>
        <form
          onSubmit={(ev) => void (draft ? onSave(ev) : onPreview(ev))}
          noValidate
          className="space-y-5"
          aria-label={draft ? "Edit the draft" : "New goal"}
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Goal name"
              {...register("name")}
              error={e.name?.message}
              placeholder="e.g. December volume"
            />
            <SelectField label="Metric" {...register("metricId")} error={e.metricId?.message}>
              {metrics.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label={amountLabel("Target")}
              inputMode={inputMode}
              autoComplete="off"
              {...register("target")}
              error={e.target?.message}
            />
            <TextField
              label={amountLabel("Baseline (already done at the start)")}
              inputMode={inputMode}
              autoComplete="off"
              {...register("baseline")}
              error={e.baseline?.message}
            />
            <TextField label="Start" type="date" {...register("startDate")} error={e.startDate?.message} />
            <TextField
              label="Deadline"
              type="date"
              {...register("deadline")}
              error={e.deadline?.message}
              hint="A goal without a date is not a goal."
            />
            <SelectField
              label="For"
              {...register("rootMembershipId")}
              hint="The goal cascades to this person and everyone below them."
            >
              <option value="">{team.role === "OWNER" ? "The whole team" : "My team (me and my downline)"}</option>
              {people
                .filter((p) => p.depth > 0)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {"\u2003".repeat(Math.max(0, p.depth - 1))}
                    {p.name}&apos;s team
                  </option>
                ))}
            </SelectField>
            <SelectField label="Milestones every" {...register("period")}>
              <option value="WEEK">Week</option>
              <option value="MONTH">Month</option>
              <option value="DAY">Day</option>
            </SelectField>
            <SelectField label="Split between members" {...register("splitRule")}>
              <option value="EVEN">Evenly</option>
              <option value="HISTORY">By recent results</option>
              <option value="WEIGHT">By each member&apos;s weight</option>
            </SelectField>
            <CurveSelect {...register("curve")} />
            {leans(curve) && (
              <TextField
                label="Curve strength (%)"
                inputMode="numeric"
                autoComplete="off"
                {...register("curveStrength")}
                error={e.curveStrength?.message}
                hint={curveStrengthHint(curve)}
              />
            )}
          </div>

          {curve === "CUSTOM" && (
            <GoalCheckpoints
              control={control}
              register={register}
              errors={e.checkpoints}
              amountLabel={amountLabel}
              inputMode={inputMode}
            />
          )}

          <FormAlert message={e.root?.message} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" busy={draft ? save.isPending : preview.isFetching}>
              {draft ? "Save draft" : "Preview"}
            </Button>
            <Link
              href={draft ? `/${team.slug}/plan/goals/${draft.goalId}` : `/${team.slug}/plan`}
              className="inline-flex min-h-11 items-center rounded-lg px-4 font-medium text-slate-800 hover:bg-slate-100"
            >
              Cancel
            </Link>
          </div>
        </form>
      </Card>

      {!draft && <NewGoalPreview previewed={previewed} preview={preview} changedSince={formState.isDirty} />}
    </div>
  );
}
