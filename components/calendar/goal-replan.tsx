"use client";
/** Goals planned without the team's current holidays: "Preview re-plan" → what moves for whom → "Apply re-plan". */
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { formatDay } from "@/components/plan/format";
import { StatusNote } from "@/components/plan/status";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { amountFormatter } from "@/server/domain/money";
import { useTRPC } from "@/trpc/react";
import { ReplanPreview } from "./replan-preview";
import type { GoalToReplan } from "./types";
import { useRefreshCalendar } from "./use-refresh-calendar";

export function GoalsToReplan() {
  const team = useTeam();
  const trpc = useTRPC();
  const goals = useQuery(trpc.calendar.goalsToReplan.queryOptions({ teamId: team.id }));
  if (!goals.data || goals.data.length === 0) return null;
  const n = goals.data.length;
  return (
    <Card role="region" aria-labelledby="replan-heading" className="space-y-3 border-amber-300">
      <h2 id="replan-heading" className="text-lg font-semibold">
        Goals to re-plan
      </h2>
      <StatusNote
        tone="warn"
        label={`${n} ${n === 1 ? "goal was" : "goals were"} planned without the team's current holidays.`}
      >
        Their plans have not changed. Preview a re-plan to see what moves, then apply it — or leave it as it is.
      </StatusNote>
      <ul className="space-y-3">
        {goals.data.map((g) => (
          <li key={g.goalId}>
            <GoalReplan goal={g} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function GoalReplan({ goal }: { goal: GoalToReplan }) {
  const team = useTeam();
  const trpc = useTRPC();
  const refresh = useRefreshCalendar();
  const [open, setOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const preview = useQuery({
    ...trpc.goal.previewChange.queryOptions({ teamId: team.id, goalId: goal.goalId, change: { kind: "holidays" } }),
    enabled: open,
    retry: false,
  });
  useEffect(() => {
    if (preview.data) headingRef.current?.focus();
  }, [preview.data]);
  const apply = useMutation(
    trpc.goal.applyChange.mutationOptions({
      onSuccess: async () => {
        toast.success(`${goal.name} re-planned for the team's holidays.`);
        setOpen(false);
        await refresh();
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const fmt = amountFormatter(goal.unit, team.currency);
  const what = [
    goal.added.length > 0 && `without ${goal.added.map((h) => `${h.name} (${formatDay(h.day)})`).join(", ")}`,
    goal.removed.length > 0 && `still skipping ${goal.removed.map(formatDay).join(", ")}`,
  ]
    .filter(Boolean)
    .join("; ");
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid="goal-to-replan">
      <p>
        <Link href={`/${team.slug}/plan/goals/${goal.goalId}`} className="font-semibold underline">
          {goal.name}
        </Link>{" "}
        <span className="text-sm text-slate-700">
          ({formatDay(goal.startDate)} – {formatDay(goal.deadline)}): planned {what}.
        </span>
      </p>
      {!open ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Preview re-plan<span className="sr-only"> of {goal.name}</span>
        </Button>
      ) : preview.isPending ? (
        <p aria-busy="true" className="text-slate-700">
          Working out what moves…
        </p>
      ) : preview.isError ? (
        <StatusNote tone="warn" label="Cannot preview:">
          {preview.error.message}
        </StatusNote>
      ) : (
        <div className="space-y-3" data-testid="replan-preview">
          <h3 ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
            What the re-plan changes
          </h3>
          {preview.data.calendar ? (
            <ReplanPreview change={preview.data.calendar} format={fmt} />
          ) : (
            <p>Nothing changes.</p>
          )}
          {preview.data.conflicts.length > 0 ? (
            <StatusNote tone="warn" label="Cannot be applied:">
              {preview.data.conflicts.map((c) => c.message).join(" ")}
            </StatusNote>
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button
                busy={apply.isPending}
                onClick={() =>
                  apply.mutate({
                    teamId: team.id,
                    goalId: goal.goalId,
                    version: preview.data.version,
                    change: { kind: "holidays" },
                  })
                }
              >
                Apply re-plan
              </Button>
              <Button variant="ghost" onClick={() => setOpen(false)}>
                Not now
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
