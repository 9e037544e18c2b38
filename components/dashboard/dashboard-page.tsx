"use client";
/**
 * The Dashboard: pick a goal and a period, then the team tree (or my downline) rolled up with pace at every node,
 * the charts, the leaderboard, the victory feed, and the CSV export / member import for those who manage.
 * The roll-up is read once per goal and period (one query on the server whatever the tree size); drilling into a
 * subtree re-roots it on the client, and the charts follow the drilled subtree. The drilled node is in the URL
 * (`?root=`), so the browser's Back goes back up and a drilled view can be shared; `?goal=` picks the goal.
 */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useTeam } from "@/components/layout/team-context";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { QueryState } from "@/components/ui/query-state";
import { useTRPC } from "@/trpc/react";
import { formatDay } from "./format";
import { GoalDashboard } from "./goal-dashboard";
import { PeriodPicker } from "./period-picker";
import type { DashboardPeriod } from "./types";

export function DashboardPage() {
  const team = useTeam();
  const trpc = useTRPC();
  const goals = useQuery(trpc.dashboard.goals.queryOptions({ teamId: team.id }));
  // `?goal=` opens that goal (an alert's link: the goal and `?root=`, the member it is about).
  const goalParam = useSearchParams().get("goal");
  const [goalId, setGoalId] = useState<string | null>(goalParam);
  const [period, setPeriod] = useState<DashboardPeriod>("week");

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold sm:text-3xl">Dashboard</h1>
        <p className="mt-1 text-slate-700">
          {team.role === "OWNER"
            ? `Everyone in ${team.name}, rolled up the tree.`
            : "You and your downline, rolled up the tree."}
        </p>
      </div>
      <QueryState
        query={goals}
        variant="card"
        loading="Loading goals…"
        error="Could not load the goals"
        empty={{
          when: (list) => list.length === 0,
          children: (
            <>
              <h2 className="text-lg font-semibold">No published goal yet</h2>
              <p className="text-slate-700">The dashboard shows progress against a published goal.</p>
              <Link href={`/${team.slug}/plan`} className="text-brand-700 font-medium underline">
                Go to Plan
              </Link>
            </>
          ),
        }}
      >
        {(list) => {
          const selected = list.find((g) => g.id === goalId) ?? list[0]!;
          return (
            <>
              <Card className="flex flex-wrap items-end gap-4">
                <SelectField
                  label="Goal"
                  className="min-w-64 flex-1"
                  value={selected.id}
                  onChange={(e) => setGoalId(e.target.value)}
                >
                  {list.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name} — by {formatDay(g.deadline)}
                    </option>
                  ))}
                </SelectField>
                <PeriodPicker value={period} onChange={setPeriod} />
              </Card>
              <GoalDashboard key={selected.id} goalId={selected.id} period={period} />
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
