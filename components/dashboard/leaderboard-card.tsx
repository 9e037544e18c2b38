"use client";
/**
 * The leaderboard of what I can see, by result, by activity or by plan completion; the team owner can switch it
 * off for everyone (and back on).
 */
import * as Switch from "@radix-ui/react-switch";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trophy } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { cn } from "@/components/ui/cn";
import { useTRPC } from "@/trpc/react";
import { formatAmount } from "@/server/domain/money";
import { DASHBOARD_AMOUNTS } from "./format";
import type { DashboardPeriod } from "./types";

type By = "result" | "activity" | "completion";
const BY_LABEL: Record<By, string> = { result: "Result", activity: "Activity", completion: "Completion %" };

export function LeaderboardCard({
  goalId,
  period,
  currency,
}: {
  goalId: string;
  period: DashboardPeriod;
  currency: string;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const switchId = useId();
  const [by, setBy] = useState<By>("result");
  const board = useQuery({
    ...trpc.dashboard.leaderboard.queryOptions({ teamId: team.id, goalId, period, by }),
    placeholderData: (prev) => prev,
  });
  const toggle = useMutation(
    trpc.dashboard.setLeaderboard.mutationOptions({
      onSuccess: (r) => {
        toast.success(
          r.leaderboardEnabled ? "The leaderboard is on for the team." : "The leaderboard is off for the team.",
        );
        void queryClient.invalidateQueries({ queryKey: trpc.dashboard.leaderboard.pathKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  const enabled = board.data?.enabled ?? true;
  const format = (value: number) =>
    by === "completion"
      ? `${value}%`
      : by === "result" && board.data?.enabled
        ? formatAmount(value, board.data.unit, currency, undefined, DASHBOARD_AMOUNTS)
        : formatAmount(value, "COUNT", currency);

  return (
    <section aria-labelledby="leaderboard-heading">
      <Card className="h-full space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="leaderboard-heading" className="flex items-center gap-2 text-xl font-semibold">
            <Trophy aria-hidden className="size-5 text-amber-700" /> Leaderboard
          </h2>
          {team.role === "OWNER" && (
            <div className="flex items-center gap-2">
              <label htmlFor={switchId} className="text-sm font-medium text-slate-800">
                Show to the team
              </label>
              <Switch.Root
                id={switchId}
                checked={enabled}
                disabled={toggle.isPending || board.isPending}
                onCheckedChange={(on) => toggle.mutate({ teamId: team.id, enabled: on })}
                className="data-[state=checked]:bg-brand-700 relative h-7 w-12 shrink-0 rounded-full bg-slate-500 transition-colors"
              >
                <Switch.Thumb className="block size-6 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[1.375rem]" />
              </Switch.Root>
            </div>
          )}
        </div>
        {!enabled ? (
          <p className="text-slate-700">
            The leaderboard is switched off{team.role === "OWNER" ? "." : " by the team owner."}
          </p>
        ) : (
          <>
            <div role="group" aria-label="Rank by" className="inline-flex rounded-lg border border-slate-300 p-0.5">
              {(Object.keys(BY_LABEL) as By[]).map((k) => (
                <button
                  key={k}
                  type="button"
                  aria-pressed={by === k}
                  onClick={() => setBy(k)}
                  className={cn(
                    "min-h-10 rounded-md px-3 text-sm font-medium",
                    by === k ? "bg-brand-700 text-white" : "text-slate-800 hover:bg-slate-100",
                  )}
                >
                  {BY_LABEL[k]}
                </button>
              ))}
            </div>
            <QueryState
              query={board}
              loading="Loading…"
              error="Could not load the leaderboard"
              empty={{
                when: (data) => data.rows.length === 0,
                children: (
                  <p className="text-slate-700">
                    {by === "completion"
                      ? "Nothing is due yet in this period: completion counts once the first planned day is over."
                      : "Nothing logged in this period yet."}
                  </p>
                ),
              }}
            >
              {(data) => (
                <ol className="divide-y divide-slate-200" aria-label={`Leaderboard by ${BY_LABEL[by].toLowerCase()}`}>
                  {data.rows.map((r) => (
                    <li key={r.id} className="flex items-center gap-3 py-2">
                      <span className="w-8 text-right font-semibold text-slate-700 tabular-nums">{r.rank}.</span>
                      <span className="min-w-0 flex-1 truncate" title={r.name}>
                        {r.name}
                      </span>
                      <span className="shrink-0 font-semibold tabular-nums">{format(r.value)}</span>
                    </li>
                  ))}
                </ol>
              )}
            </QueryState>
          </>
        )}
      </Card>
    </section>
  );
}
