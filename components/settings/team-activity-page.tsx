"use client";
/**
 * The team's activity (`/<team>/settings/activity`, the owner): the audit log, newest first, 30 events at a time
 * ("Show older"), each as "who did what to whom" in plain words, grouped by day and timed in the viewer's own zone.
 */
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QueryState } from "@/components/ui/query-state";
import { useTRPC } from "@/trpc/react";

const PAGE = 30;

export function TeamActivityPage() {
  const team = useTeam();
  const trpc = useTRPC();
  const zone = team.memberTimeZone ?? team.timeZone;
  const activity = useInfiniteQuery(
    trpc.team.activity.infiniteQueryOptions(
      { teamId: team.id, limit: PAGE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const dayOf = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const timeOf = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit" });

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link
          href={`/${team.slug}/settings`}
          className="text-brand-700 inline-flex min-h-11 items-center text-sm underline"
        >
          ← Team settings
        </Link>
        <h1 className="text-2xl font-semibold sm:text-3xl">Activity</h1>
        <p className="text-slate-700">
          Every change made in {team.name}, newest first. Times are in your time zone ({zone.replaceAll("_", " ")}).
        </p>
      </div>
      <QueryState
        query={{ ...activity, data: activity.data?.pages.flatMap((p) => p.items) }}
        variant="card"
        loading="Loading the activity…"
        error="Could not load the activity"
        empty={{ when: (items) => items.length === 0, children: <Card>Nothing has happened yet.</Card> }}
      >
        {(items) => {
          const days: { day: string; events: typeof items }[] = [];
          for (const item of items) {
            const day = dayOf.format(item.at);
            const last = days.at(-1);
            if (last?.day === day) last.events.push(item);
            else days.push({ day, events: [item] });
          }
          return (
            <div className="space-y-6">
              {days.map(({ day, events }) => (
                <section key={day} aria-label={day} className="space-y-2">
                  <h2 className="text-base font-semibold text-slate-800">{day}</h2>
                  <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
                    <ol className="divide-y divide-slate-200">
                      {events.map((e) => (
                        <li key={e.id} className="flex gap-3 px-4 py-3">
                          <time
                            dateTime={e.at.toISOString()}
                            className="w-12 shrink-0 text-sm text-slate-600 tabular-nums"
                          >
                            {timeOf.format(e.at)}
                          </time>
                          <p className="min-w-0 break-words text-slate-900">
                            <span className="font-medium">{e.actorName}</span> {e.text}
                          </p>
                        </li>
                      ))}
                    </ol>
                  </div>
                </section>
              ))}
              {activity.hasNextPage ? (
                <Button
                  variant="secondary"
                  busy={activity.isFetchingNextPage}
                  onClick={() => void activity.fetchNextPage()}
                  className="w-full sm:w-auto"
                >
                  {activity.isFetchingNextPage ? "Loading older activity…" : "Show older activity"}
                </Button>
              ) : (
                <p className="text-sm text-slate-600">That is everything since the team was created.</p>
              )}
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
