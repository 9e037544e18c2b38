"use client";
/**
 * A closed goal's result (once its deadline has passed): hit or missed and by how much, the best contributors and the
 * victories of its period — the dashboard's numbers (`goal.closing`) — and, for whoever may change it, "next month
 * from this one": a draft pre-filled by the stretch rule, opened for review before it is published.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { CheckCircle2, Trophy, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { QueryState } from "@/components/ui/query-state";
import { amountFormatter, type MetricUnit } from "@/server/domain/money";
import { useTRPC } from "@/trpc/react";
import { formatDay, formatDayRange } from "./format";
import { StretchField, useStretch } from "./stretch-field";

export function GoalClosing({ goalId, unit }: { goalId: string; unit: MetricUnit }) {
  const team = useTeam();
  const trpc = useTRPC();
  const router = useRouter();
  const stretch = useStretch();
  const { pct, valid } = stretch;
  const closing = useQuery({
    ...trpc.goal.closing.queryOptions({ teamId: team.id, goalId, stretchPercent: valid ? pct : 10 }),
    placeholderData: (prev) => prev,
  });
  const fmt = amountFormatter(unit, team.currency);
  const createNext = useMutation(
    trpc.goal.createNext.mutationOptions({
      onSuccess: (r) => {
        toast.success(
          r.existed ? "Next month's goal was already drafted: here it is." : "Next month's goal is drafted.",
        );
        router.push(`/${team.slug}/plan/goals/${r.id}`);
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  return (
    <QueryState query={closing} loading="Summing up the goal…" error="Could not sum up this goal">
      {(c) =>
        !c.closed ? null : (
          <div className="space-y-4" data-testid="goal-closing">
            <p className="text-lg font-semibold">
              {c.result.hit ? (
                <CheckCircle2 aria-hidden className="mr-1.5 inline size-5 align-[-0.2em] text-emerald-700" />
              ) : (
                <XCircle aria-hidden className="mr-1.5 inline size-5 align-[-0.2em] text-amber-700" />
              )}
              {c.result.hit
                ? `Target hit: ${fmt(c.result.actual)} of ${fmt(c.result.target)}${
                    c.result.difference > 0 ? ` (${fmt(c.result.difference)} beyond it)` : ""
                  }`
                : `Missed by ${fmt(-c.result.difference)}: ${fmt(c.result.actual)} of ${fmt(c.result.target)}`}
              {c.result.percent !== null && (
                <span className="font-normal whitespace-nowrap text-slate-700"> · {c.result.percent}%</span>
              )}
            </p>
            <p className="text-sm text-slate-700">
              {c.rootName}&apos;s team, {formatDayRange(c.start, c.deadline)} · {c.hitCount} of {c.members}{" "}
              {c.members === 1 ? "member" : "members"} reached their own target.
            </p>
            <div className="grid gap-4 sm:grid-cols-2">
              <section aria-labelledby="best-heading" className="space-y-1">
                <h3 id="best-heading" className="font-semibold">
                  Best contributors
                </h3>
                {c.contributors.length === 0 ? (
                  <p className="text-slate-700">Nothing was logged for this goal.</p>
                ) : (
                  <ol className="list-decimal space-y-0.5 pl-5">
                    {c.contributors.map((p) => (
                      <li key={p.id}>
                        {p.name}: {fmt(p.actual)}
                        {p.target > 0 && <span className="text-slate-700"> of {fmt(p.target)}</span>}
                      </li>
                    ))}
                  </ol>
                )}
              </section>
              <section aria-labelledby="wins-heading" className="space-y-1">
                <h3 id="wins-heading" className="font-semibold">
                  Victories
                </h3>
                {c.victories.length === 0 ? (
                  <p className="text-slate-700">No victories recorded in this period.</p>
                ) : (
                  <ul className="space-y-0.5">
                    {c.victories.map((v) => (
                      <li key={v.id} className="flex gap-2">
                        <Trophy aria-hidden className="mt-1 size-4 shrink-0 text-amber-600" />
                        <span className="min-w-0 break-words">
                          {v.name}: {v.title} <span className="text-slate-700">({formatDay(v.day)})</span>
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
            {c.next && (
              <section aria-labelledby="next-month-heading" className="space-y-3 border-t border-slate-200 pt-3">
                <h3 id="next-month-heading" className="font-semibold">
                  Next month from this one
                </h3>
                <StretchField stretch={stretch} invalidMessage="A whole percent from −100 to 1000" />
                <p data-testid="next-month">
                  <strong>{c.next.name}</strong>: {fmt(c.next.target)} from {formatDay(c.next.period.start)} to{" "}
                  {formatDay(c.next.period.deadline)} —{" "}
                  {c.next.basedOn === "actual"
                    ? `this goal's result (${fmt(c.next.basis)}) plus ${c.next.stretchPercent}%.`
                    : `nothing was logged, so this goal's target (${fmt(c.next.basis)}) plus ${c.next.stretchPercent}%.`}
                  {c.next.period.skipped > 0 && " (The months in between have already ended.)"}
                </p>
                <Button
                  busy={createNext.isPending}
                  disabled={!valid}
                  onClick={() => createNext.mutate({ teamId: team.id, goalId, stretchPercent: pct })}
                >
                  Create next month&apos;s goal (draft)
                </Button>
                <p className="text-sm text-slate-700">It is saved as a draft: review it, edit it, then publish.</p>
              </section>
            )}
          </div>
        )
      }
    </QueryState>
  );
}
