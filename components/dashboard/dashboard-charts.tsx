"use client";
/** The dashboard's charts for the goal, period and drilled subtree. */
import { useQuery } from "@tanstack/react-query";
import { useTeam } from "@/components/layout/team-context";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { useTRPC } from "@/trpc/react";
import { CumulativeChart } from "./cumulative-chart";
import { FunnelChart } from "./funnel-chart";
import { HeatStrip } from "./heat-strip";
import type { DashboardPeriod } from "./types";

export function DashboardCharts({
  goalId,
  period,
  rootId,
  currency,
}: {
  goalId: string;
  period: DashboardPeriod;
  rootId: string;
  currency: string;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const charts = useQuery({
    ...trpc.dashboard.charts.queryOptions({ teamId: team.id, goalId, period, rootId }),
    placeholderData: (prev) => prev,
  });
  return (
    <section aria-labelledby="charts-heading" className="space-y-3">
      <h2 id="charts-heading" className="text-xl font-semibold">
        Charts
      </h2>
      <QueryState query={charts} variant="card" loading="Loading charts…" error="Could not load the charts">
        {(data) => (
          <div className="grid gap-6 lg:grid-cols-2">
            <Card className="lg:col-span-2">
              <CumulativeChart data={data} currency={currency} />
            </Card>
            <Card>
              <FunnelChart data={data} currency={currency} />
            </Card>
            <Card className="min-w-0">
              <HeatStrip data={data} />
            </Card>
          </div>
        )}
      </QueryState>
    </section>
  );
}
