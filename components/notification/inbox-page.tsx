"use client";
/**
 * The inbox (`/<team>/inbox`, issue 20): my notifications in this team, newest first, 20 at a time ("Show older").
 * Unread ones are said in words ("Unread"), in bold, with a filled dot; read ones in regular weight with a tick.
 * Following one marks it read; "Mark all read" settles the lot. Times are in my own zone.
 */
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  Bell,
  CalendarCheck,
  CheckCheck,
  Circle,
  CircleCheck,
  Flag,
  Hand,
  PartyPopper,
  TrendingDown,
  UserPlus,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { toast } from "sonner";
import { announceInboxChanged } from "@/components/layout/notification-bell";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { QueryState } from "@/components/ui/query-state";
import type { NotificationKind } from "@/server/domain/notification-kinds";
import { useTRPC } from "@/trpc/react";

const PAGE = 20;

const KIND_ICON: Partial<Record<NotificationKind, LucideIcon>> = {
  PROPOSAL_WAITING: Hand,
  PROPOSAL_DECIDED: CircleCheck,
  CHEER: PartyPopper,
  REVIEW_STARTED: CalendarCheck,
  COMMITMENT_DUE: Flag,
  DOWNLINE_BEHIND: TrendingDown,
  BEHIND_PACE: TrendingDown,
  RECRUIT_JOINED: UserPlus,
  GOAL_CLOSED: Flag,
};

export function InboxPage() {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const zone = team.memberTimeZone ?? team.timeZone;
  const list = useInfiniteQuery(
    trpc.notification.list.infiniteQueryOptions(
      { teamId: team.id, limit: PAGE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, refetchOnWindowFocus: true },
    ),
  );
  const refresh = async () => {
    announceInboxChanged();
    await queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() });
  };
  const markRead = useMutation(trpc.notification.markRead.mutationOptions({ onSettled: refresh }));
  const markAll = useMutation(
    trpc.notification.markAllRead.mutationOptions({
      onSuccess: (r) => toast.success(r.marked === 1 ? "1 notification marked read." : `${r.marked} marked read.`),
      onError: (e) => toast.error(e.message),
      onSettled: refresh,
    }),
  );
  const when = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  const items = list.data?.pages.flatMap((p) => p.items);
  const anyUnread = items?.some((i) => !i.read) ?? false;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold sm:text-3xl">Inbox</h1>
          <p className="text-slate-700">What happened in {team.name} that needs you, newest first.</p>
        </div>
        {items && items.length > 0 && (
          <Button
            variant="secondary"
            busy={markAll.isPending}
            disabled={!anyUnread}
            onClick={() => markAll.mutate({ teamId: team.id })}
          >
            <CheckCheck aria-hidden className="size-4" /> Mark all read
          </Button>
        )}
      </div>
      <QueryState
        query={{ ...list, data: items }}
        variant="card"
        loading="Loading your notifications…"
        error="Could not load your notifications"
        empty={{
          when: (rows) => rows.length === 0,
          children: (
            <Card className="flex flex-col items-center gap-2 py-10 text-center">
              <Bell aria-hidden className="size-8 text-slate-400" />
              <p className="font-medium text-slate-900">No notifications yet</p>
              <p className="max-w-prose text-sm text-slate-700">
                Proposals waiting for you, decisions on yours, cheers, weekly reviews and new recruits will show here.
              </p>
            </Card>
          ),
        }}
      >
        {(rows) => (
          <div className="space-y-4">
            <ol
              aria-label="Notifications"
              className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm"
            >
              {rows.map((n) => {
                const Icon = KIND_ICON[n.kind] ?? Bell;
                return (
                  <li key={n.id}>
                    <Link
                      href={n.url}
                      onClick={() => {
                        if (!n.read) markRead.mutate({ teamId: team.id, notificationId: n.id });
                      }}
                      className={cn(
                        "flex min-h-11 gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50",
                        !n.read && "bg-brand-50/40",
                      )}
                    >
                      <Icon
                        aria-hidden
                        className={cn("mt-0.5 size-5 shrink-0", n.read ? "text-slate-500" : "text-brand-700")}
                      />
                      <span className="min-w-0 flex-1 space-y-0.5">
                        <span className="flex flex-wrap items-baseline gap-x-2">
                          <span className={cn("break-words text-slate-900", n.read ? "font-normal" : "font-semibold")}>
                            {n.title}
                          </span>
                          {n.read ? (
                            <span className="sr-only">(read)</span>
                          ) : (
                            <span className="text-brand-800 inline-flex items-center gap-1 text-xs font-semibold">
                              <Circle aria-hidden className="size-2 fill-current" />
                              Unread
                            </span>
                          )}
                        </span>
                        {n.body && <span className="block text-sm break-words text-slate-700">{n.body}</span>}
                        <time dateTime={n.createdAt.toISOString()} className="block text-xs text-slate-600">
                          {when.format(n.createdAt)}
                        </time>
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ol>
            {list.hasNextPage ? (
              <Button
                variant="secondary"
                busy={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
                className="w-full sm:w-auto"
              >
                {list.isFetchingNextPage ? "Loading older notifications…" : "Show older notifications"}
              </Button>
            ) : (
              rows.length > PAGE && <p className="text-sm text-slate-600">That is everything.</p>
            )}
          </div>
        )}
      </QueryState>
    </div>
  );
}
