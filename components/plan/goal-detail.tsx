"use client";
/**
 * One goal: its backward plan (chart + table by period), everyone's targets, and — for whoever manages it —
 * publishing a draft, setting a member's target by hand, re-planning with a "what changes for whom" preview,
 * next month from last month; for everyone the history of changes that concern them.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import Link from "next/link";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { useTRPC } from "@/trpc/react";
import { ChangeHistory } from "./change-history";
import { ChangePanel } from "./change-panel";
import { FollowTreeSwitch } from "./follow-tree-switch";
import { GoalClosing } from "./goal-closing";
import { EditPublishedGoal, GoalLifeActions } from "./goal-life";
import { amountFormatter } from "@/server/domain/money";
import { curveText } from "@/server/domain/curve-text";
import { formatDay, splitWord } from "./format";
import { PeriodTable, PlanChart } from "./plan-chart";
import { ProposeNext } from "./propose-next";
import { StatusBadge } from "./status";
import type { GoalDetail as GoalDetailData } from "./types";
import { Table } from "@/components/ui/table";

export function GoalDetail({ goalId }: { goalId: string }) {
  const team = useTeam();
  const trpc = useTRPC();
  const detail = useQuery(trpc.goal.get.queryOptions({ teamId: team.id, goalId }));
  return (
    <QueryState
      query={detail}
      variant="card"
      loading="Loading the goal…"
      error="Could not load this goal"
      errorAction={
        <Link href={`/${team.slug}/plan`} className="text-brand-700 underline">
          Back to Plan
        </Link>
      }
    >
      {(data) => <GoalDetailView data={data} />}
    </QueryState>
  );
}

function GoalDetailView({ data }: { data: GoalDetailData }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { goal, metric, manages } = data;
  const fmt = amountFormatter(metric.unit, team.currency);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [historyFor, setHistoryFor] = useState(
    manages ? (data.members[0]?.id ?? team.membershipId) : team.membershipId,
  );
  const changeRef = useRef<HTMLHeadingElement>(null);
  const publish = useMutation(
    trpc.goal.publish.mutationOptions({
      onSuccess: async () => {
        toast.success("Goal published.");
        await queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const published = goal.status === "PUBLISHED";
  const checkpoints = data.plan.checkpoints;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href={`/${team.slug}/plan`} className="text-brand-700 text-sm underline">
          ← Plan
        </Link>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold sm:text-3xl">
          {goal.name}
          {published ? (
            <StatusBadge tone="ok" label="Published" />
          ) : goal.status === "ARCHIVED" ? (
            <StatusBadge tone="warn" label="Archived" />
          ) : (
            <StatusBadge tone="info" label="Draft" />
          )}
          {data.main.isMain && <StatusBadge tone="ok" label="Main goal" />}
        </h1>
        <p className="text-slate-700">
          {fmt(goal.target)} of {metric.name.toLowerCase()} from {formatDay(goal.startDate)} to{" "}
          {formatDay(goal.deadline)} · split {splitWord(goal.splitRule)} · {curveText(goal.curve, goal.curveStrength)}
        </p>
      </div>

      {data.closed && goal.status !== "DRAFT" && (
        <Card className="space-y-3" role="region" aria-labelledby="closing-heading">
          <h2 id="closing-heading" className="text-lg font-semibold">
            Result: the goal closed on {formatDay(goal.deadline)}
          </h2>
          <GoalClosing goalId={goal.id} unit={metric.unit} />
        </Card>
      )}

      {manages && (
        <Card className="space-y-3" role="region" aria-labelledby="life-heading">
          <h2 id="life-heading" className="text-lg font-semibold">
            Manage this goal
          </h2>
          <GoalLifeActions detail={data} />
        </Card>
      )}

      {manages && published && (
        <Card className="space-y-3" role="region" aria-labelledby="edit-heading">
          <h2 id="edit-heading" className="text-lg font-semibold">
            Edit goal
          </h2>
          <p className="text-sm text-slate-700">
            Name, dates, curve and checkpoints: preview what changes for whom, then save — it is recorded in the
            history.
          </p>
          <EditPublishedGoal key={goal.version} detail={data} />
        </Card>
      )}

      {goal.status === "DRAFT" && manages && (
        <Card className="space-y-2">
          <p>This goal is a draft: nobody has a target yet.</p>
          <Button
            busy={publish.isPending}
            onClick={() => publish.mutate({ teamId: team.id, goalId: goal.id, version: goal.version })}
          >
            Publish goal
          </Button>
        </Card>
      )}

      <Card className="space-y-3" role="region" aria-labelledby="plan-heading">
        <h2 id="plan-heading" className="text-lg font-semibold">
          The backward plan
        </h2>
        <PlanChart
          days={data.plan.days}
          checkpoints={checkpoints}
          format={fmt}
          label={`Cumulative plan for ${goal.name}: ${fmt(goal.target)} by ${formatDay(goal.deadline)}${
            checkpoints.length
              ? `, with checkpoints ${checkpoints.map((c) => `${fmt(c.cumulative)} by ${formatDay(c.date)}`).join(", ")}`
              : ""
          }.`}
        />
        <PeriodTable periods={data.plan.periods} format={fmt} caption="Plan by period" />
      </Card>

      <Card className="space-y-3" role="region" aria-labelledby="targets-heading">
        <h2 id="targets-heading" className="text-lg font-semibold">
          Targets
        </h2>
        <Table
          label="Targets table"
          caption="Each member's personal and team target"
          data-testid="targets-table"
          rows={data.members}
          rowKey={(m) => m.id}
          rowHeaderStyle={(m) => ({ paddingLeft: `${m.depth * 1.25}rem` })}
          columns={[
            {
              header: "Member",
              cell: (m) => (
                <>
                  {m.name}
                  {m.personalOverride !== null && <span className="ml-2 text-xs text-slate-600">(set by hand)</span>}
                </>
              ),
            },
            {
              header: "Personal",
              align: "right",
              className: "whitespace-nowrap",
              cell: (m) => (m.personal === null ? "—" : fmt(m.personal)),
            },
            {
              header: "Team",
              align: "right",
              className: "whitespace-nowrap",
              cell: (m) => (m.team === null ? "—" : fmt(m.team)),
            },
            ...(manages && published
              ? [
                  {
                    header: "Change",
                    hideHeader: true,
                    align: "right" as const,
                    className: "whitespace-nowrap",
                    cell: (m: GoalDetailData["members"][number]) => (
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => {
                          setEditing(m.id);
                          setHistoryFor(m.id);
                          requestAnimationFrame(() => changeRef.current?.scrollIntoView({ block: "start" }));
                        }}
                      >
                        <Pencil aria-hidden className="size-4" /> Set target
                        <span className="sr-only"> for {m.name}</span>
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {manages && published && (
        <Card className="space-y-3" role="region" aria-labelledby="change-heading">
          <h2 id="change-heading" ref={changeRef} className="scroll-mt-20 text-lg font-semibold">
            Change the plan
          </h2>
          <p className="text-sm text-slate-700">
            Every change shows who it affects before you save it, and is recorded for them to see.
          </p>
          <ChangePanel key={editing ?? "goal"} detail={data} initialMemberId={editing} />
        </Card>
      )}

      {manages && published && (
        <Card role="region" aria-label="Targets follow the tree">
          <FollowTreeSwitch goalId={goal.id} followTree={goal.followTree} />
        </Card>
      )}

      {goal.status !== "DRAFT" && (
        <Card className="space-y-3" role="region" aria-labelledby="history-heading">
          <h2 id="history-heading" className="text-lg font-semibold">
            History of changes
          </h2>
          <ChangeHistory
            key={historyFor}
            goalId={goal.id}
            unit={metric.unit}
            people={data.members}
            initialMemberId={historyFor}
          />
        </Card>
      )}

      {manages && published && (
        <Card className="space-y-3" role="region" aria-labelledby="next-heading">
          <h2 id="next-heading" className="text-lg font-semibold">
            Next month from last month
          </h2>
          <ProposeNext goalId={goal.id} unit={metric.unit} goalName={goal.name} />
        </Card>
      )}
    </div>
  );
}
