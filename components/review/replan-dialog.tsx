"use client";
/**
 * "Re-plan the rest" for one off-pace person of the weekly review (or any member, from anywhere that knows the goal):
 * choose the member alone or their whole branch, optionally turn their commitment for the coming week into that
 * week's number (prefilled from it), preview the new weekly and daily numbers and who is affected, then apply — a
 * versioned change recorded in the goal's history (server/services/goal/replan-rest.ts). Whoever may change the goal
 * can instead move its deadline or target, in the same dialog, through the goal's own versioned change path with its
 * preview of who is affected (move-goal-form.tsx).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { DASHBOARD_AMOUNTS, formatDay } from "@/components/dashboard/format";
import { useTeam } from "@/components/layout/team-context";
import { DialogShell } from "@/components/team/dialog-shell";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { amountInputMode, formatAmount, type MetricUnit } from "@/server/domain/money";
import { zOptionalAmountText } from "@/server/schemas/money";
import type { TReplanInput } from "@/server/schemas/replan";
import { useTRPC } from "@/trpc/react";
import { commitmentInput } from "./commitment-amount";
import { MoveGoalForm, type MovableGoal } from "./move-goal-form";

export interface ReplanTarget {
  goalId: string;
  unit: MetricUnit;
  member: { id: string; name: string };
  /** Offer the member's whole branch too (default yes; a member re-planning their own plan: no). */
  allowBranch?: boolean;
  /** Their commitment for the coming week, when it carries a number. */
  commitment?: { weekStart: string; amount: number } | null;
}

function formSchema(unit: MetricUnit, currency: string) {
  return z.object({
    who: z.enum(["member", "branch"]),
    useCommitment: z.boolean(),
    amount: zOptionalAmountText(unit, currency),
  });
}
type FormIn = z.input<ReturnType<typeof formSchema>>;
type FormOut = z.output<ReturnType<typeof formSchema>>;

export function ReplanDialog({
  target,
  open,
  onOpenChange,
  returnFocusTo,
}: {
  target: ReplanTarget;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocusTo?: string;
}) {
  return (
    <DialogShell
      open={open}
      onOpenChange={onOpenChange}
      returnFocusTo={returnFocusTo}
      title={`Re-plan the rest for ${target.member.name}`}
      description="Their remaining milestones start again from what they have done, and reach their target by the same deadline along the goal's curve."
    >
      {open && <ReplanChoice target={target} onDone={() => onOpenChange(false)} />}
    </DialogShell>
  );
}

/**
 * Re-plan the rest, or — for whoever may change the goal (`manages`, the goal rule of goal-access.ts, as `goal.list`
 * says it) — move the goal's deadline or target instead, in the same dialog (move-goal-form.tsx).
 */
function ReplanChoice({ target, onDone }: { target: ReplanTarget; onDone: () => void }) {
  const team = useTeam();
  const trpc = useTRPC();
  const goals = useQuery(trpc.goal.list.queryOptions({ teamId: team.id }));
  const goal = goals.data?.find((g) => g.id === target.goalId);
  const movable: MovableGoal | null =
    goal && goal.manages && goal.status === "PUBLISHED"
      ? {
          id: goal.id,
          name: goal.name,
          unit: target.unit,
          target: goal.target,
          deadline: goal.deadline,
          version: goal.version,
        }
      : null;
  const [mode, setMode] = useState<"replan" | "move">("replan");
  const name = useId();
  return (
    <div className="space-y-5">
      {movable && (
        <fieldset className="space-y-1 rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">What to do</legend>
          <label className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name={name}
              className="size-5"
              checked={mode === "replan"}
              onChange={() => setMode("replan")}
            />
            Re-plan the rest for {target.member.name}
          </label>
          <label className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name={name}
              className="size-5"
              checked={mode === "move"}
              onChange={() => setMode("move")}
            />
            Move the goal&apos;s deadline or target instead
          </label>
        </fieldset>
      )}
      {mode === "move" && movable ? (
        <MoveGoalForm goal={movable} onDone={onDone} />
      ) : (
        <ReplanForm target={target} onDone={onDone} />
      )}
    </div>
  );
}

function ReplanForm({ target, onDone }: { target: ReplanTarget; onDone: () => void }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unit = target.unit;
  const f = (n: number) => formatAmount(n, unit, team.currency, undefined, DASHBOARD_AMOUNTS);
  const schema = useMemo(() => formSchema(unit, team.currency), [unit, team.currency]);
  const commitment = target.commitment ?? null;
  const { register, handleSubmit, control, formState } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: {
      who: "member",
      useCommitment: commitment !== null,
      amount: commitmentInput(commitment?.amount, unit, team.currency),
    },
  });
  const useCommitment = useWatch({ control, name: "useCommitment" });
  const [request, setRequest] = useState<TReplanInput | null>(null);

  const preview = useQuery({
    ...trpc.goal.previewReplan.queryOptions({ teamId: team.id, ...(request ?? dummy(target)) }),
    enabled: request !== null,
    retry: false,
  });
  const apply = useMutation(
    trpc.goal.applyReplan.mutationOptions({
      onSuccess: async (r) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
        ]);
        toast.success(
          `Re-planned the rest for ${r.replanned} ${r.replanned === 1 ? "person" : "people"} from ${formatDay(r.fromDate)}.`,
        );
        onDone();
      },
    }),
  );

  const submit = handleSubmit((values) => {
    apply.reset();
    setRequest({
      goalId: target.goalId,
      memberId: target.member.id,
      branch: values.who === "branch",
      ...(commitment && values.useCommitment && values.amount !== null
        ? { commitment: { weekStart: commitment.weekStart, amount: values.amount } }
        : {}),
    });
  });

  const p = preview.data;
  const previewError = preview.error?.message;
  const applyError = apply.error?.message;

  return (
    <div className="space-y-5">
      <form className="space-y-4" noValidate onSubmit={(e) => void submit(e)} aria-label="Re-plan options">
        <fieldset className="space-y-2" hidden={target.allowBranch === false}>
          <legend className="text-sm font-medium text-slate-800">Whom to re-plan</legend>
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" value="member" className="size-5" {...register("who")} />
            {target.member.name} alone
          </label>
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" value="branch" className="size-5" {...register("who")} />
            {target.member.name} and their whole branch
          </label>
        </fieldset>
        {commitment && (
          <div className="space-y-2 rounded-lg border border-slate-200 p-3">
            <label className="flex min-h-11 items-center gap-3">
              <input type="checkbox" className="size-5" {...register("useCommitment")} />
              Use their commitment for the week of {formatDay(commitment.weekStart)}
            </label>
            {useCommitment && (
              <TextField
                label="That week's number"
                inputMode={amountInputMode(unit, team.currency)}
                autoComplete="off"
                hint="Prefilled from their commitment; the rest of their target is spread over the weeks after it."
                {...register("amount")}
                error={formState.errors.amount?.message}
              />
            )}
          </div>
        )}
        <Button type="submit" variant="secondary" busy={preview.isFetching}>
          Preview the new numbers
        </Button>
      </form>

      <FormAlert message={previewError} />

      {p && !preview.isFetching && (
        <section aria-labelledby="replan-preview-heading" className="space-y-4">
          <h3 id="replan-preview-heading" className="text-lg font-semibold">
            What changes, from {formatDay(p.fromDate)}
          </h3>
          <p className="text-slate-700">
            {p.members.length === 1 ? "1 person is" : `${p.members.length} people are`} re-planned: done so far{" "}
            {f(p.total.done)} of {f(p.total.target)}, reaching it by {formatDay(p.goal.deadline)}. Today:{" "}
            <span className="font-semibold tabular-nums">
              {f(p.total.today.before)} → {f(p.total.today.after)}
            </span>
            .
            {p.commitment &&
              ` The week of ${formatDay(p.commitment.weekStart)} is set to ${f(p.commitment.applied)} from the commitment.`}
          </p>
          <table className="w-full text-left text-sm sm:text-base">
            <caption className="sr-only">The new numbers per period, before and after</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-2 font-medium">
                  Period
                </th>
                <th scope="col" className="py-2 pr-2 text-right font-medium">
                  Before
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  After
                </th>
              </tr>
            </thead>
            <tbody>
              {p.periods.map((row) => (
                <tr key={row.periodStart} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-2 font-normal">
                    {row.label}
                    <span className="block text-xs text-slate-600">
                      {row.openDays} open {row.openDays === 1 ? "day" : "days"}
                    </span>
                  </th>
                  <td className="py-2 pr-2 text-right text-slate-700 tabular-nums">{f(row.before)}</td>
                  <td className="py-2 text-right font-semibold tabular-nums">{f(row.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            <h4 className="font-medium">Who is affected</h4>
            <ul className="divide-y divide-slate-200" aria-label="Who is affected">
              {p.members.map((m) => (
                <li key={m.id} className="py-2 text-sm sm:text-base">
                  <span className="font-medium">{m.name}</span>
                  <span className="block text-slate-700 tabular-nums">
                    {f(m.done)} of {f(m.target)} done · this period {f(m.thisPeriod.before)} → {f(m.thisPeriod.after)} ·
                    today {f(m.today.before)} → {f(m.today.after)} · about {f(m.perOpenDay)} an open day
                    {m.replannedBefore && " · re-planned before"}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <FormAlert message={applyError} />
          <div className="flex flex-wrap gap-3">
            <Button
              busy={apply.isPending}
              onClick={() => {
                if (request) apply.mutate({ teamId: team.id, ...request, version: p.goal.version });
              }}
            >
              Apply the re-plan
            </Button>
            <Button variant="ghost" onClick={onDone}>
              Cancel
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}

/** The query's input while there is no request yet (disabled: never sent). */
function dummy(target: ReplanTarget): TReplanInput {
  return { goalId: target.goalId, memberId: target.member.id, branch: false };
}
