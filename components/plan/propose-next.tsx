"use client";
/** Next month's goal from last month's actuals, with a stretch percentage; "Start this goal" opens the form filled in. */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTeam } from "@/components/layout/team-context";
import { useTRPC } from "@/trpc/react";
import { amountFormatter, type MetricUnit } from "@/server/domain/money";
import { formatDay } from "./format";
import { StretchField, useStretch } from "./stretch-field";

export function ProposeNext({ goalId, unit, goalName }: { goalId: string; unit: MetricUnit; goalName: string }) {
  const team = useTeam();
  const trpc = useTRPC();
  const stretch = useStretch();
  const { pct, valid } = stretch;
  const next = useQuery({
    ...trpc.goal.proposeNext.queryOptions({ teamId: team.id, goalId, stretchPercent: valid ? pct : 0 }),
    enabled: valid,
  });
  const fmt = amountFormatter(unit, team.currency);
  const d = next.data;
  const href = d
    ? `/${team.slug}/plan/new?${new URLSearchParams({
        metricId: d.metricId,
        target: String(d.target),
        startDate: d.nextMonth.start,
        deadline: d.nextMonth.end,
        rootMembershipId: d.rootMembershipId,
        name: `${goalName} — next month`,
      }).toString()}`
    : "";
  return (
    <div className="space-y-3">
      <StretchField stretch={stretch} invalidMessage="Enter a whole percentage between −100 and 1000." />
      {d && (
        <div aria-live="polite" className="space-y-2">
          <p>
            Last month ({formatDay(d.lastMonth.start)} – {formatDay(d.lastMonth.end)}):{" "}
            <strong>{fmt(d.lastMonth.actual)}</strong>. With a {d.stretchPercent}% stretch, next month (
            {formatDay(d.nextMonth.start)} – {formatDay(d.nextMonth.end)}) aims for{" "}
            <strong data-testid="proposed-next">{fmt(d.target)}</strong>.
          </p>
          <Link
            href={href}
            className="bg-brand-600 hover:bg-brand-700 inline-flex min-h-11 items-center rounded-lg px-4 font-medium text-white"
          >
            Start next month&apos;s goal
          </Link>
        </div>
      )}
    </div>
  );
}
