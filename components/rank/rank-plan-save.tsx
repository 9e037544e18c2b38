"use client";
/**
 * "Save this as my plan" (the caller's own card): the rank and a deadline become one published goal per requirement
 * the team logs (personal volume, team volume, sponsors), rooted at the member, cascading down their branch; then the
 * saved plans, each with its goals.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { formatDay } from "@/components/plan/format";
import { StatusBadge } from "@/components/plan/status";
import { amountFormatter } from "@/server/domain/money";
import { ZSaveRankPlanInput } from "@/server/schemas/rank";
import { useTRPC } from "@/trpc/react";

const ZForm = ZSaveRankPlanInput.pick({ deadline: true });
type FormIn = z.input<typeof ZForm>;

export function SaveRankPlan({
  rank,
  defaultDeadline,
}: {
  rank: { id: string; name: string };
  defaultDeadline: string;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { register, handleSubmit, setError, formState } = useForm<FormIn>({
    resolver: zodResolver(ZForm),
    defaultValues: { deadline: defaultDeadline },
  });
  const save = useMutation(
    trpc.rank.savePlan.mutationOptions({
      onSuccess: async (saved) => {
        toast.success(`Saved: ${saved.goals.length} goals for ${rank.name}.`);
        await queryClient.invalidateQueries({ queryKey: trpc.rank.myPlans.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
      },
      onError: (e) => setServerErrors(e, setError, ["deadline"]),
    }),
  );
  const submit = handleSubmit((v) => save.mutate({ teamId: team.id, rankId: rank.id, deadline: v.deadline }));
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3" aria-label={`Save ${rank.name} as my plan`} noValidate>
      <p className="text-sm text-slate-700">
        One goal per requirement you log (personal volume, team volume, sponsors), for the month of the deadline, set
        down your team like any goal. Legs and active members are tracked here.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label={`Reach ${rank.name} by`}
          type="date"
          className="min-w-0 flex-1 basis-48"
          {...register("deadline")}
          error={formState.errors.deadline?.message}
        />
        <Button type="submit" busy={save.isPending}>
          Save this as my plan
        </Button>
      </div>
      <FormAlert message={formState.errors.root?.server?.message} />
    </form>
  );
}

export function RankPlans() {
  const team = useTeam();
  const trpc = useTRPC();
  const plans = useQuery(trpc.rank.myPlans.queryOptions({ teamId: team.id }));
  if (!plans.data) return <p className="text-slate-700">Loading your rank plans…</p>;
  if (plans.data.length === 0) return <p className="text-slate-700">No saved rank plan yet.</p>;
  return (
    <ul className="space-y-3" aria-label="Saved rank plans">
      {plans.data.map((p) => (
        <li key={p.id} className="rounded-lg border border-slate-200 p-3" data-testid="rank-plan">
          <p className="font-semibold">
            {p.rank.name} by {formatDay(p.deadline)}
          </p>
          <ul className="mt-2 space-y-1 text-sm">
            {p.goals.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/${team.slug}/plan/goals/${g.id}`} className="text-brand-700 break-words underline">
                  {g.name}
                </Link>
                <span className="text-slate-700 tabular-nums">
                  {amountFormatter(g.metric.unit, team.currency)(g.target)}
                </span>
                {g.status === "PUBLISHED" ? (
                  <StatusBadge tone="ok" label="Published" />
                ) : (
                  <StatusBadge tone="info" label={g.status === "DRAFT" ? "Draft" : "Archived"} />
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
