"use client";
/**
 * "Add to your calendar" on the profile (phone first): the caller's two private iCal feeds — My plan (my
 * milestones, checkpoints, deadlines and the weekly review) and the team's goals — with a copy button, a webcal://
 * link and short Google / Apple / Outlook steps. A link is shown once, when it is made or reset (only its hash is
 * kept); "Reset link" asks first, because the old link stops working at once. Procedures: `calendarFeed.*`.
 */
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CalendarPlus, Check, Copy, ExternalLink, RotateCcw } from "lucide-react";
import { useId, useState } from "react";
import { useTeam } from "@/components/layout/team-context";
import { overlayClass, panelClass } from "@/components/team/dialog-shell";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { QueryState } from "@/components/ui/query-state";
import type { RouterOutputs } from "@/components/api-types";
import { useTRPC } from "@/trpc/react";

type Feed = RouterOutputs["calendarFeed"]["mine"][number];
type FeedScope = Feed["scope"];

const FEED_TEXT: Record<FeedScope, { title: string; about: string }> = {
  MEMBER: {
    title: "My plan",
    about: "Your milestones and checkpoints, your goals' deadlines and the weekly review meeting.",
  },
  TEAM: {
    title: "The team's goals",
    about: "Deadlines and checkpoints of the team's goals you can see, and the weekly review meeting.",
  },
};

const dateText = (d: Date | string) =>
  new Date(d).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });

export function CalendarFeeds() {
  const team = useTeam();
  const trpc = useTRPC();
  const headingId = useId();
  const feeds = useQuery(trpc.calendarFeed.mine.queryOptions({ teamId: team.id }));
  return (
    <Card role="region" aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="flex items-center gap-2 text-lg font-semibold">
        <CalendarPlus aria-hidden className="size-5" />
        Add to your calendar
      </h2>
      <p className="text-slate-700">
        See your milestones, deadlines and the weekly review in Google, Apple or Outlook Calendar. Your calendar updates
        by itself. The links are private: anyone who has one can read it, so keep them to yourself.
      </p>
      <QueryState query={feeds} loading="Loading your calendar links…" error="Could not load your calendar links">
        {(data) => <FeedList feeds={data} />}
      </QueryState>
      <Instructions />
    </Card>
  );
}

function FeedList({ feeds }: { feeds: Feed[] }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Links shown once: the answer that made (or reset) a feed carries it; it is never read back.
  const [shown, setShown] = useState<Partial<Record<FeedScope, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const remember = (made: { scope: FeedScope; path: string | null }[]) =>
    setShown((prev) => {
      const next = { ...prev };
      for (const f of made) if (f.path) next[f.scope] = new URL(f.path, window.location.origin).toString();
      return next;
    });
  const refresh = () => queryClient.invalidateQueries(trpc.calendarFeed.mine.queryFilter({ teamId: team.id }));
  const open = useMutation(
    trpc.calendarFeed.open.mutationOptions({
      onSuccess: async (made) => {
        setError(null);
        remember(made);
        await refresh();
      },
      onError: (e) => setError(e.message),
    }),
  );
  const missing = feeds.some((f) => f.createdAt === null);
  return (
    <div className="space-y-4">
      {missing && (
        <Button onClick={() => open.mutate({ teamId: team.id })} busy={open.isPending} className="w-full sm:w-auto">
          <CalendarPlus aria-hidden className="size-5" />
          {feeds.every((f) => f.createdAt === null) ? "Get my calendar links" : "Get the missing link"}
        </Button>
      )}
      <FormAlert message={error} />
      <ul className="space-y-4">
        {feeds.map((feed) => (
          <li key={feed.scope} className="space-y-2 rounded-lg border border-slate-200 p-3">
            <h3 className="font-semibold">{FEED_TEXT[feed.scope].title}</h3>
            <p className="text-sm text-slate-600">{FEED_TEXT[feed.scope].about}</p>
            <FeedState
              feed={feed}
              url={shown[feed.scope] ?? null}
              onReset={async (made) => {
                remember([made]);
                await refresh();
              }}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function FeedState({
  feed,
  url,
  onReset,
}: {
  feed: Feed;
  url: string | null;
  onReset: (made: { scope: FeedScope; path: string | null }) => Promise<void>;
}) {
  if (feed.createdAt === null) return <p className="text-sm text-slate-700">No link yet.</p>;
  return (
    <div className="space-y-3">
      {url ? (
        <FeedLink url={url} title={FEED_TEXT[feed.scope].title} />
      ) : (
        <p className="text-sm text-slate-700">
          Link made on {dateText(feed.createdAt)};{" "}
          {feed.lastFetchedAt
            ? `last read by a calendar on ${dateText(feed.lastFetchedAt)}`
            : "not read by a calendar yet"}
          . For your privacy a link is shown only once: to add it to another calendar, reset it.
        </p>
      )}
      <ResetLink scope={feed.scope} onReset={onReset} />
    </div>
  );
}

function FeedLink({ url, title }: { url: string; title: string }) {
  const inputId = useId();
  const [copied, setCopied] = useState(false);
  const webcal = url.replace(/^https?:\/\//, "webcal://");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission: select the text so a long press (or Ctrl+C) copies it.
      const input = document.getElementById(inputId);
      if (input instanceof HTMLInputElement) input.select();
    }
  };
  return (
    <div className="space-y-2">
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        Calendar link for {title}
      </label>
      <input
        id={inputId}
        readOnly
        value={url}
        onFocus={(e) => e.currentTarget.select()}
        className="block min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-slate-50 px-3 font-mono text-sm text-slate-900"
      />
      <p className="text-sm font-medium text-amber-900">Copy it now: it is shown only this once.</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => void copy()} className="w-full sm:w-auto">
          {copied ? <Check aria-hidden className="size-5" /> : <Copy aria-hidden className="size-5" />}
          {copied ? "Copied" : "Copy link"}
        </Button>
        <a
          href={webcal}
          className="inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-900 hover:bg-slate-100 sm:w-auto"
        >
          <ExternalLink aria-hidden className="size-5" />
          Open in calendar app
        </a>
      </div>
      <p className="sr-only" aria-live="polite">
        {copied ? "Link copied." : ""}
      </p>
    </div>
  );
}

function ResetLink({
  scope,
  onReset,
}: {
  scope: FeedScope;
  onReset: (made: { scope: FeedScope; path: string | null }) => Promise<void>;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reset = useMutation(
    trpc.calendarFeed.reset.mutationOptions({
      onSuccess: async (made) => {
        await onReset(made);
        setOpen(false);
      },
      onError: (e) => setError(e.message),
    }),
  );
  const title = FEED_TEXT[scope].title;
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
      }}
    >
      <AlertDialog.Trigger asChild>
        <Button variant="ghost" className="w-full border border-slate-300 sm:w-auto">
          <RotateCcw aria-hidden className="size-5" />
          Reset link
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content className={panelClass}>
          <AlertDialog.Title className="text-xl font-semibold">Reset the link for {title}?</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="mt-3 space-y-2 text-slate-700">
              <p>
                The old link stops working at once: calendars that use it stop updating, and you can remove it there.
              </p>
              <p>You get a new link to add to your calendar.</p>
            </div>
          </AlertDialog.Description>
          <div className="mt-3">
            <FormAlert message={error} />
          </div>
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">Keep the old link</Button>
            </AlertDialog.Cancel>
            <Button variant="danger" busy={reset.isPending} onClick={() => reset.mutate({ teamId: team.id, scope })}>
              Reset link
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function Instructions() {
  return (
    <details className="rounded-lg border border-slate-200 p-3">
      <summary className="min-h-11 cursor-pointer py-2 font-medium">How to add a link to your calendar</summary>
      <ul className="mt-2 space-y-2 text-sm text-slate-700">
        <li>
          <strong className="font-semibold text-slate-900">Google Calendar:</strong> on a computer, open Google
          Calendar, next to “Other calendars” choose + then “From URL”, paste the link and choose “Add calendar”. It
          shows on your phone too.
        </li>
        <li>
          <strong className="font-semibold text-slate-900">Apple Calendar (iPhone, Mac):</strong> tap “Open in calendar
          app” and confirm “Subscribe”. Or: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed
          Calendar, and paste the link.
        </li>
        <li>
          <strong className="font-semibold text-slate-900">Outlook:</strong> Calendar → Add calendar → Subscribe from
          web, paste the link and choose “Import”.
        </li>
      </ul>
      <p className="mt-2 text-sm text-slate-600">
        Calendars check for changes every few hours (Google can take longer).
      </p>
    </details>
  );
}
