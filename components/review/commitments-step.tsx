"use client";
/**
 * Step 4: each member's commitment for the coming week (server/domain/review-week.ts: the week that begins on the
 * review's day, or else next week — never one already under way). While the review is open, anyone running it
 * enters or amends a member's commitment (members may also have entered their own beforehand — it shows here
 * live); once closed, the commitments are read-only, as agreed.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { useDeferredValue, useEffect, useRef, useState } from "react";
import { DASHBOARD_AMOUNTS, formatLongDay } from "@/components/dashboard/format";
import { useTeam } from "@/components/layout/team-context";
import { normalise } from "@/components/team/tree-model";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { addDays } from "@/server/domain/calendar";
import { useTRPC } from "@/trpc/react";
import { formatAmount, type MetricUnit } from "@/server/domain/money";
import { amountLabel } from "./commitment-amount";
import { CommitmentForm } from "./commitment-form";
import type { ReviewCommitment, ReviewView } from "./types";

export function CommitmentsStep({ review, currency }: { review: ReviewView; currency: string }) {
  const s = review.snapshot;
  const [query, setQuery] = useState("");
  const deferred = normalise(useDeferredValue(query));
  const [editing, setEditing] = useState<string | null>(null);
  // After an edit closes, the member's Edit / Enter button takes the focus back (once it has rendered again).
  const returnFocus = useRef<string | null>(null);
  useEffect(() => {
    if (editing !== null || !returnFocus.current) return;
    document.getElementById(`commitment-${returnFocus.current}`)?.focus();
    returnFocus.current = null;
  });
  const stopEditing = (memberId: string) => {
    returnFocus.current = memberId;
    setEditing(null);
  };
  const byMember = new Map(review.commitments.map((c) => [c.memberId, c]));
  const members = s.members.filter((m) => !deferred || normalise(m.name).includes(deferred));
  const f = (n: number) => formatAmount(n, s.goal.unit, currency, undefined, DASHBOARD_AMOUNTS);

  return (
    <div className="space-y-4">
      <p className="text-lg text-slate-700">
        For the coming week, {formatLongDay(s.nextWeekStart)} – {formatLongDay(addDays(s.nextWeekStart, 6))} ·{" "}
        {review.commitments.length} of {s.members.length} entered
      </p>
      {s.members.length > 8 && (
        <TextField
          id="commitment-filter"
          label="Find a member"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="max-w-md [&_label]:text-base"
        />
      )}
      <ul className="divide-y divide-slate-200" aria-label="Commitments">
        {members.map((m) => {
          const c = byMember.get(m.id);
          return (
            <li key={m.id} className="py-4">
              {editing === m.id ? (
                <CommitmentEditor
                  reviewId={review.id}
                  memberId={m.id}
                  name={m.name}
                  current={c}
                  unit={s.goal.unit}
                  amountLabel={amountLabel(s.goal.unit, currency, s.goal.metricName)}
                  onDone={() => stopEditing(m.id)}
                />
              ) : (
                <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
                  <span className="min-w-48 font-semibold break-words">{m.name}</span>
                  <span className="min-w-48 flex-1">
                    {c ? (
                      <>
                        {c.text}
                        {c.amount !== null && <span className="font-semibold tabular-nums"> ({f(c.amount)})</span>}
                        <span className="block text-base text-slate-700">entered by {c.enteredBy}</span>
                      </>
                    ) : (
                      <span className="text-slate-600">No commitment yet</span>
                    )}
                  </span>
                  {review.canEditCommitments && (
                    <Button
                      id={`commitment-${m.id}`}
                      variant="secondary"
                      onClick={() => setEditing(m.id)}
                      aria-label={`${c ? "Edit" : "Enter"} ${m.name}'s commitment`}
                    >
                      <Pencil aria-hidden className="size-4" /> {c ? "Edit" : "Enter"}
                    </Button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function CommitmentEditor({
  reviewId,
  memberId,
  name,
  current,
  unit,
  amountLabel: label,
  onDone,
}: {
  reviewId: string;
  memberId: string;
  name: string;
  current: ReviewCommitment | undefined;
  unit: MetricUnit;
  amountLabel: string;
  onDone: () => void;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.review.saveCommitment.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.review.get.queryKey({ teamId: team.id, reviewId }) });
        onDone();
      },
    }),
  );
  return (
    <CommitmentForm
      meeting
      label={`${name}'s commitment`}
      header={<p className="font-semibold">{name}</p>}
      unit={unit}
      currency={team.currency}
      current={current}
      textLabel="Commits to"
      amountLabel={label}
      submitLabel="Save commitment"
      onSave={(values) => save.mutateAsync({ teamId: team.id, reviewId, memberId, ...values })}
      onCancel={onDone}
    />
  );
}
