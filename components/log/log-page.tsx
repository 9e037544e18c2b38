"use client";
/**
 * The Log page (phone first): the day's actions with one-tap "+1" (or an amount), an optional note, the day
 * picker, "my week" and the streak, the day's entries with edit/delete/history, the reminder setting, and
 * celebrations. Every tap goes to the device queue first (use-entry-sync.ts) and the numbers shown are the server's
 * plus what is still on the device (queue-model.ts), so counts move at once, offline too, and never double.
 */
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useState } from "react";
import { toast } from "@/components/ui/lazy-toast";
import { useTeam } from "@/components/layout/team-context";
import { QueryState } from "@/components/ui/query-state";
import { lightClient } from "@/trpc/light";
import { ActionCard } from "./action-card";
import { formatAmount } from "@/server/domain/money";
import { CelebrationToast, type ShownCelebration } from "./celebration";
import { DayPicker } from "./day-picker";
import { dayLabel, longDay } from "./day-label";
import { EntryRow, type RowEntry } from "./entry-row";
import { MainGoalNote } from "./main-goal";
import { RestDayNote, ZoneNote } from "./member-day";
import { useLightQuery } from "./light-query";
import { overlayEntries, pendingByMetric, prunable, waitingCount } from "./queue-model";
import { forget } from "./offline-queue";
import { ServiceWorkerRegistration } from "./service-worker";
import { useSnapshot, writeSnapshot } from "./snapshot";
import { SyncStatus } from "./sync-status";
import { useEntrySync, type Celebration } from "./use-entry-sync";
import { useToday } from "./use-today";
import { WeekStrip } from "./week-strip";
import { FollowUps } from "./follow-ups";
import { WhoWasIt } from "./who-was-it";
import type { QueuedEntry } from "./queue-model";
import * as clock from "@/server/clock";
import { withPendingToday } from "@/server/domain/week-strip";

// Below the day's actions and entries: loaded once the day is on screen, off the first-load JavaScript.
const TeamEntries = dynamic(() => import("./team-entries").then((m) => m.TeamEntries), { ssr: false });
const ReminderSetting = dynamic(() => import("./reminder-setting").then((m) => m.ReminderSetting), { ssr: false });
const TimeZoneSetting = dynamic(() => import("./time-zone-setting").then((m) => m.TimeZoneSetting), { ssr: false });

/** The order celebrations are shown in when several come at once: the day's plan first. */
const ORDER = ["PLAN_DONE", "STREAK", "MILESTONE", "RECORD"];
const rank = (kind: string) => (ORDER.includes(kind) ? ORDER.indexOf(kind) : ORDER.length);

export function LogPage() {
  const team = useTeam();
  const [picked, setPicked] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [celebrations, setCelebrations] = useState<ShownCelebration[]>([]);
  /** The last tap, offered a person ("who was it?", issue 18) until one is picked or it is closed. */
  const [lastTap, setLastTap] = useState<{
    entry: Omit<QueuedEntry, "state" | "teamId" | "membershipId">;
    what: string;
  } | null>(null);
  const onCelebrate = useCallback(
    (list: Celebration[]) =>
      setCelebrations((shown) => [...[...list].sort((a, b) => rank(a.kind) - rank(b.kind)), ...shown]),
    [],
  );
  const sync = useEntrySync({ teamId: team.id, membershipId: team.membershipId }, onCelebrate);

  const query = useLightQuery(`entry.day:${team.id}:${picked ?? "today"}`, () =>
    lightClient.entry.day({ teamId: team.id, ...(picked ? { day: picked } : {}) }),
  );
  const snapshotKey = picked ?? "today";
  const snapshot = useSnapshot(team.membershipId, snapshotKey);
  useEffect(() => {
    if (query.data) writeSnapshot(team.membershipId, snapshotKey, { data: query.data, fetchedAt: query.fetchedAt });
  }, [query.data, query.fetchedAt, team.membershipId, snapshotKey]);

  const live = query.data ? { data: query.data, fetchedAt: query.fetchedAt } : null;
  const shown = live ?? snapshot;
  const data = shown?.data;
  // Today where the member lives (their zone, else the team's), as the server counts it.
  const memberZone = data?.memberDay.timeZone ?? clock.memberTimeZone({ timeZone: team.memberTimeZone }, team);
  const clientToday = useToday(memberZone);
  const today = data?.today ?? clientToday;
  const day = picked ?? today;
  const isToday = day === today;

  // The page stayed open past midnight: ask the server for the new day.
  const serverToday = query.data?.today;
  const { refetch } = query;
  useEffect(() => {
    if (serverToday && !picked && clientToday > serverToday) void refetch();
  }, [serverToday, clientToday, picked, refetch]);

  // Forget synced entries the server numbers now include.
  useEffect(() => {
    if (!live) return;
    const ids = prunable(
      sync.queue,
      { entries: live.data.entries, fetchedAt: live.fetchedAt, day: live.data.day },
      clock.nowMs(),
    );
    if (ids.length > 0) void forget(ids);
  }, [live?.fetchedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const overlay = useMemo(
    () => overlayEntries(sync.queue, shown ? { entries: shown.data.entries, fetchedAt: shown.fetchedAt } : null),
    [sync.queue, shown],
  );
  const pending = pendingByMetric(overlay, day);
  const metrics = useMemo(() => new Map((data?.actions ?? []).map((a) => [a.metricId, a])), [data]);
  const metricName = (id: string) => metrics.get(id)?.name ?? "activity";

  async function add(metricId: string, amount: number) {
    const metric = metrics.get(metricId);
    const noteText = note.trim() ? note.trim().slice(0, 280) : null;
    try {
      const createdAt = clock.nowMs();
      const id = await sync.add({ metricId, day, amount, note: noteText });
      setNote("");
      const what =
        `${metric ? formatAmount(amount, metric.unit, data?.currency ?? team.currency) : amount} ${metric?.name ?? ""}`.trim();
      setLastTap({ entry: { id, metricId, day, amount, note: noteText, createdAt }, what });
      toast.success(`Logged ${what}${isToday ? "" : ` for ${dayLabel(day, today)}`}`, {
        id: `log-${id}`,
        duration: 5000,
        action: {
          label: "Undo",
          onClick: () => {
            sync.undo(id).then(
              () => toast(`Took back ${what}`),
              (error: unknown) =>
                toast.error(error instanceof Error ? `Could not undo: ${error.message}` : "Could not undo"),
            );
          },
        },
      });
    } catch {
      toast.error("This browser could not save the entry. Check that storage is allowed for this site.");
    }
  }

  const rows: RowEntry[] = [
    ...overlay
      .filter((q) => q.day === day)
      .map((q) => ({
        id: q.id,
        metricId: q.metricId,
        amount: q.amount,
        note: q.note,
        version: null,
        at: new Date(q.createdAt),
        pending: q.state !== "synced",
      }))
      .reverse(),
    ...(data?.day === day ? data.entries : []).map((e) => ({
      id: e.id,
      metricId: e.metricId,
      amount: e.amount,
      note: e.note,
      version: e.version,
      at: new Date(e.createdAt),
      pending: false,
    })),
  ];

  const allowedDays = (data?.allowedDays ?? [today]).filter((d) => d <= clientToday || d <= today);
  const failed = sync.queue.filter((q) => q.state === "failed");
  const currency = data?.currency ?? team.currency;
  // The day as <QueryState> reads it: what the server sent, else the device's snapshot (the Log opens offline); a
  // failure counts only when there is nothing to show.
  const dayState = {
    isPending: !data && !query.error,
    isError: !data && query.error !== null,
    data,
    error: query.error,
    refetch: query.refetch,
  };

  return (
    <div className="mx-auto max-w-lg space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-slate-900">Log</h1>
        <p className="text-sm text-slate-700">{isToday ? `Today, ${longDay(today)}` : `Filling in ${longDay(day)}`}</p>
        {data && <ZoneNote day={data.memberDay} />}
      </div>

      <SyncStatus
        online={sync.online}
        waiting={waitingCount(sync.queue)}
        failed={failed}
        problem={sync.problem}
        metricName={metricName}
        onRetry={() => void sync.flush()}
        onDismiss={(id) => void sync.dismiss(id)}
      />

      <DayPicker days={allowedDays} today={today} value={day} onChange={(d) => setPicked(d === today ? null : d)} />

      {!data && !query.error && !sync.online ? (
        <p className="rounded-lg bg-slate-100 p-3 text-sm text-slate-800">
          You are offline and this day has not been opened on this device yet. Your taps on other days are kept here.
        </p>
      ) : (
        <QueryState query={dayState} loading="Loading your day…" error="Could not load your log">
          {(data) => (
            <>
              {!live && (
                <p className="rounded-lg bg-slate-100 p-3 text-sm text-slate-800">
                  Showing the numbers saved on this device. New taps are kept here until you are back online.
                </p>
              )}
              {data.mainGoal && (
                <MainGoalNote
                  goal={data.mainGoal}
                  isToday={isToday}
                  pendingToday={pendingByMetric(overlay, today).get(data.mainGoal.metric.id) ?? 0}
                  currency={currency}
                />
              )}
              <section aria-labelledby="actions-title" className="space-y-3">
                <h2 id="actions-title" className="text-lg font-semibold text-slate-900">
                  {isToday ? "Today's actions" : `Actions on ${dayLabel(day, today)}`}
                </h2>
                {isToday && data.memberDay.rest ? (
                  <RestDayNote rest={data.memberDay.rest} today={today} teamName={team.name} currency={currency} />
                ) : (
                  isToday &&
                  !data.actions.some((a) => a.planned > 0) && (
                    <p className="text-sm text-slate-700">No plan for today yet — log anything you did.</p>
                  )
                )}
                {/* A snapshot saved on the device before the names list has no people: nothing to show then. */}
                {isToday && (data as Partial<typeof data>).people && (
                  <FollowUps plan={data.people.followUps} namesHref={`/${team.slug}/names`} />
                )}
                {lastTap && (
                  <WhoWasIt
                    what={lastTap.what}
                    people={(data as Partial<typeof data>).people?.whoWasIt ?? []}
                    namesHref={`/${team.slug}/names`}
                    onClose={() => setLastTap(null)}
                    onPick={(person) => {
                      const tap = lastTap;
                      setLastTap(null);
                      sync.link(tap.entry, person).then(
                        () => toast.success(`${tap.what} with ${person.name}`),
                        () => toast.error("This browser could not save who it was."),
                      );
                    }}
                  />
                )}
                <details className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm">
                  <summary className="min-h-11 cursor-pointer content-center font-medium text-slate-800">
                    {note ? "Note added to your next entry" : "Add a note to the next entry"}
                  </summary>
                  <label htmlFor="log-note" className="mt-2 block text-sm font-medium text-slate-800">
                    Note (optional)
                  </label>
                  <input
                    id="log-note"
                    value={note}
                    maxLength={280}
                    onChange={(e) => setNote(e.target.value)}
                    placeholder="e.g. met Sam at the gym"
                    className="mt-1 mb-2 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base placeholder:text-slate-500"
                  />
                </details>
                {data.actions.length === 0 ? (
                  <p className="text-slate-700">
                    Your team has no activities to log yet. Ask your team leader to set them up on the Plan page.
                  </p>
                ) : (
                  <ul className="space-y-3">
                    {data.actions.map((a) => (
                      <ActionCard
                        key={a.metricId}
                        action={a}
                        done={(data.day === day ? a.done : 0) + (pending.get(a.metricId) ?? 0)}
                        isToday={isToday}
                        currency={currency}
                        onAdd={(amount) => void add(a.metricId, amount)}
                      />
                    ))}
                  </ul>
                )}
              </section>

              <WeekStrip
                week={data.day === data.today ? withPendingToday(data.week, data.actions, pending) : data.week}
                streak={data.streak}
              />

              <section aria-labelledby="entries-title">
                <h2 id="entries-title" className="text-lg font-semibold text-slate-900">
                  Entries {isToday ? "today" : `on ${dayLabel(day, today)}`}{" "}
                  <span className="font-normal text-slate-700">({rows.length})</span>
                </h2>
                {rows.length === 0 ? (
                  <p className="mt-1 text-sm text-slate-700">Nothing logged yet.</p>
                ) : (
                  <ul
                    className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white px-3"
                    aria-label={`Entries ${isToday ? "today" : `on ${longDay(day)}`}`}
                  >
                    {rows.map((r) => (
                      <EntryRow
                        key={r.id}
                        entry={r}
                        metric={metrics.get(r.metricId) ?? { name: "Activity", unit: "COUNT" }}
                        teamId={team.id}
                        currency={currency}
                        day={day}
                        today={today}
                        allowedDays={allowedDays}
                        onRemovePending={(id) => void sync.undo(id)}
                      />
                    ))}
                  </ul>
                )}
              </section>

              <TeamEntries
                teamId={team.id}
                membershipId={team.membershipId}
                currency={currency}
                today={today}
                allowedDays={allowedDays}
                metric={(id) => metrics.get(id) ?? { name: "Activity", unit: "COUNT" }}
                canChange={data.uplineCanEditEntries}
              />

              <TimeZoneSetting
                key={`zone:${data.memberDay.ownTimeZone ?? ""}`}
                teamId={team.id}
                teamTimeZone={data.memberDay.teamTimeZone}
                current={data.memberDay.ownTimeZone}
                collapsed
              />
              <ReminderSetting
                key={data.reminderTime ?? "off"}
                teamId={team.id}
                timeZone={data.memberDay.timeZone}
                current={data.reminderTime}
                collapsed
              />
            </>
          )}
        </QueryState>
      )}

      <ServiceWorkerRegistration />
      <CelebrationToast items={celebrations} onDismiss={() => setCelebrations((list) => list.slice(1))} />
    </div>
  );
}
