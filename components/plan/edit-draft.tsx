"use client";
/** Edit a DRAFT goal on the new-goal form (every field, the same validation), saved with `goal.update`. */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTeam } from "@/components/layout/team-context";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { amountToInput } from "@/server/domain/money";
import { useTRPC } from "@/trpc/react";
import { strengthToInput, type GoalFormValues } from "./goal-form-schema";
import { NewGoal } from "./new-goal";
import type { GoalDetail } from "./types";

function formValues(d: GoalDetail, currency: string): GoalFormValues {
  const g = d.goal;
  const amount = (a: number) => amountToInput(a, d.metric.unit, currency);
  const checkpoints = (Array.isArray(g.checkpoints) ? g.checkpoints : []) as Array<{
    weeksToGo?: number;
    daysToGo?: number;
    cumulative: number;
  }>;
  return {
    name: g.name,
    metricId: d.metric.id,
    rootMembershipId: g.rootMembershipId,
    target: amount(g.target),
    baseline: amount(g.baseline),
    startDate: g.startDate,
    deadline: g.deadline,
    period: g.period,
    curve: g.curve,
    curveStrength: strengthToInput(g.curveStrength),
    checkpoints: checkpoints.map((c) => ({
      weeksToGo: c.weeksToGo ?? Math.floor((c.daysToGo ?? 0) / 7),
      amount: amount(c.cumulative),
    })),
    splitRule: g.splitRule,
  };
}

export function EditDraft({ goalId }: { goalId: string }) {
  const team = useTeam();
  const trpc = useTRPC();
  const detail = useQuery(trpc.goal.get.queryOptions({ teamId: team.id, goalId }));
  return (
    <QueryState query={detail} variant="card" loading="Loading the draft…" error="Could not load this goal">
      {(d) =>
        d.goal.status !== "DRAFT" || !d.manages ? (
          <Card className="space-y-2">
            <p>Only a draft you manage is edited here. A published goal is edited on its page, with a preview.</p>
            <Link href={`/${team.slug}/plan/goals/${goalId}`} className="text-brand-700 underline">
              Back to the goal
            </Link>
          </Card>
        ) : (
          <NewGoal
            defaults={{}}
            draft={{
              goalId,
              version: d.goal.version,
              values: formValues(d, team.currency),
              kept: { historyDays: d.goal.historyDays, historyFloorPct: d.goal.historyFloorPct },
            }}
          />
        )
      }
    </QueryState>
  );
}
