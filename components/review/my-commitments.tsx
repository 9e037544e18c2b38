"use client";
/**
 * My commitment for this week and next week, entered before or during the weekly review (phone-first). The review
 * of my upline shows it live; my upline may amend it during the meeting, and I see who entered it.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { toast } from "sonner";
import { formatLongDay } from "@/components/dashboard/format";
import { useTeam } from "@/components/layout/team-context";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { useTRPC } from "@/trpc/react";
import type { MetricUnit } from "@/server/domain/money";
import { amountLabel } from "./commitment-amount";
import { CommitmentForm } from "./commitment-form";
import type { MyCommitmentWeek } from "./types";

export function MyCommitments() {
  const team = useTeam();
  const trpc = useTRPC();
  const weeks = useQuery(trpc.review.myCommitments.queryOptions({ teamId: team.id }));
  // The number is in the unit of the team's goal under review (the first published one).
  const goals = useQuery(trpc.dashboard.goals.queryOptions({ teamId: team.id }));
  const metric = goals.data?.[0]?.metric;
  const unit = metric?.unit ?? "COUNT";
  return (
    <section aria-labelledby="my-commitments-heading">
      <Card className="space-y-4">
        <div>
          <h2 id="my-commitments-heading" className="text-xl font-semibold">
            My commitment
          </h2>
          <p className="text-slate-700">
            What you will do this week or next. Your upline sees it in the weekly review.
          </p>
        </div>
        <QueryState query={weeks} loading="Loading…" error="Could not load your commitments">
          {(list) => (
            <div className="grid gap-6 sm:grid-cols-2">
              {list.map((w) => (
                <MyWeekForm
                  key={`${w.week}-${w.weekStart}-${w.commitment?.text ?? ""}-${unit}`}
                  week={w}
                  unit={unit}
                  label={amountLabel(unit, team.currency, metric?.name)}
                />
              ))}
            </div>
          )}
        </QueryState>
      </Card>
    </section>
  );
}

function MyWeekForm({ week, unit, label: numberLabel }: { week: MyCommitmentWeek; unit: MetricUnit; label: string }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const save = useMutation(
    trpc.review.saveMyCommitment.mutationOptions({
      onSuccess: () => {
        toast.success("Commitment saved.");
        void queryClient.invalidateQueries({ queryKey: trpc.review.myCommitments.pathKey() });
      },
    }),
  );
  const label = week.week === "this" ? "This week" : "Next week";

  return (
    <CommitmentForm
      labelledBy={headingId}
      header={
        <>
          <h3 id={headingId} className="font-semibold">
            {label} <span className="font-normal text-slate-700">(from {formatLongDay(week.weekStart)})</span>
          </h3>
          {week.coming && (
            <p className="text-sm text-slate-700">The coming week: a weekly review held today agrees this one.</p>
          )}
        </>
      }
      unit={unit}
      currency={team.currency}
      current={week.commitment}
      textLabel="I commit to"
      placeholder="e.g. 20 contacts a day"
      amountLabel={numberLabel}
      amountHint="A number you will hit, if it helps to track."
      footer={
        week.commitment &&
        !week.commitment.enteredByMe && (
          <p className="text-sm text-slate-700">Last entered by {week.commitment.enteredBy}.</p>
        )
      }
      submitLabel={`Save ${label.toLowerCase()}'s commitment`}
      onSave={(values) => save.mutateAsync({ teamId: team.id, week: week.week, ...values })}
    />
  );
}
