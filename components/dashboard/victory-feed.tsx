"use client";
/** Small victories across what I can see (milestones, streaks, records), newest first, each with a Cheer button. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheckBig, Flame, Medal, PartyPopper, Star } from "lucide-react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { cn } from "@/components/ui/cn";
import { useTRPC } from "@/trpc/react";
import { formatDay } from "./format";

const KIND_ICON: Record<string, typeof Star> = {
  STREAK: Flame,
  MILESTONE: Medal,
  RECORD: Star,
  PLAN_DONE: CircleCheckBig,
};

export function VictoryFeed({ rootId }: { rootId: string }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const feed = useQuery(trpc.dashboard.victories.queryOptions({ teamId: team.id, rootId, limit: 20 }));
  const cheer = useMutation(
    trpc.dashboard.cheer.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.dashboard.victories.pathKey() }),
      onError: (e) => toast.error(e.message),
    }),
  );

  return (
    <section aria-labelledby="victories-heading">
      <Card className="h-full space-y-4">
        <h2 id="victories-heading" className="flex items-center gap-2 text-xl font-semibold">
          <PartyPopper aria-hidden className="size-5 text-amber-700" /> Victories
        </h2>
        <QueryState
          query={feed}
          loading="Loading…"
          error="Could not load the victories"
          empty={{
            when: (items) => items.length === 0,
            children: (
              <p className="text-slate-700">No victories yet — the first streak or milestone will show here.</p>
            ),
          }}
        >
          {(items) => (
            <ul
              className="relative max-h-96 divide-y divide-slate-200 overflow-auto"
              tabIndex={0}
              aria-label="Victory feed"
            >
              {items.map((v) => {
                const Icon = KIND_ICON[v.kind] ?? Star;
                return (
                  <li key={v.id} className="flex items-center gap-3 py-2">
                    <Icon aria-hidden className="size-5 shrink-0 text-amber-700" />
                    <div className="min-w-0 flex-1">
                      <p className="truncate" title={`${v.name} — ${v.title}`}>
                        <span className="font-medium">{v.name}</span> — {v.title}
                      </p>
                      <p className="text-sm text-slate-600">{formatDay(v.day)}</p>
                    </div>
                    <button
                      type="button"
                      aria-pressed={v.cheeredByMe}
                      disabled={cheer.isPending || v.cheeredByMe}
                      onClick={() => cheer.mutate({ teamId: team.id, victoryId: v.id })}
                      className={cn(
                        "inline-flex min-h-10 shrink-0 items-center gap-1 rounded-full border px-3 text-sm font-medium",
                        v.cheeredByMe
                          ? "border-amber-300 bg-amber-50 text-amber-900"
                          : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100",
                      )}
                    >
                      <PartyPopper aria-hidden className="size-4" /> {v.cheeredByMe ? "Cheered" : "Cheer"} · {v.cheers}
                      <span className="sr-only">
                        {" "}
                        cheer{v.cheers === 1 ? "" : "s"} for {v.name}: {v.title}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </QueryState>
      </Card>
    </section>
  );
}
