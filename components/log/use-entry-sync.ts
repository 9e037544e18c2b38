"use client";
/**
 * Sends the device's queued entries to the server (POST /api/log, ./log-client.ts) in batches (≤ 200,
 * server/schemas/entry.ts) — on load, right after a tap (briefly debounced so quick taps travel together), when the
 * browser comes back online, when the tab becomes visible, and every 20 s while something waits. The server is idempotent by entry id, so a retry after a
 * lost response never counts twice; an entry leaves the queue only after the server confirmed it.
 * A tap counts on the page at once: it is held in memory until IndexedDB (Dexie, loaded after first paint) has
 * stored it, and sending waits for that, so the first tap of a fresh page is neither slow nor lost.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { whenIdle } from "@/components/ui/when-idle";
import { LightClientError, lightClient } from "@/trpc/light";
import { postLog } from "./log-client";
import { refreshLogQueries } from "./light-query";
import {
  claimBatch,
  clearWaiting,
  enqueue,
  forget,
  getQueued,
  markWaiting,
  putQueued,
  mayHaveWaiting,
  prepareQueue,
  removeIfUnsent,
  requeueStale,
  settle,
  watchQueue,
  type QueueOwner,
} from "./offline-queue";
import type { QueuedEntry } from "./queue-model";
import * as clock from "@/server/clock";

const BATCH = 200;
const RETRY_MS = 20_000;

export interface Celebration {
  kind: string;
  key: string;
  title: string;
}

export type SyncProblem = "signin" | "storage" | null;

function subscribeOnline(callback: () => void) {
  window.addEventListener("online", callback);
  window.addEventListener("offline", callback);
  return () => {
    window.removeEventListener("online", callback);
    window.removeEventListener("offline", callback);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

const httpStatus = (error: unknown) => (error instanceof LightClientError ? error.httpStatus : undefined);

export function useEntrySync(owner: QueueOwner, onCelebrate: (celebrations: Celebration[]) => void) {
  const online = useOnline();
  const [stored, setStored] = useState<QueuedEntry[]>([]);
  /** Taps the device's queue list has not shown yet (being written to IndexedDB, or written before it was opened). */
  const [memory, setMemory] = useState<QueuedEntry[]>([]);
  const writes = useRef(new Map<string, Promise<void>>());
  const queue = useMemo(() => {
    const known = new Set(stored.map((q) => q.id));
    return [...stored, ...memory.filter((m) => !known.has(m.id))];
  }, [stored, memory]);
  // Once the stored list shows a tap, it no longer needs holding.
  useEffect(() => {
    const known = new Set(stored.map((q) => q.id));
    setMemory((list) => (list.some((m) => known.has(m.id)) ? list.filter((m) => !known.has(m.id)) : list));
  }, [stored]);
  const [problem, setProblem] = useState<SyncProblem>(null);
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const celebrate = useRef(onCelebrate);
  useEffect(() => {
    celebrate.current = onCelebrate;
  }, [onCelebrate]);
  const { teamId, membershipId } = owner;

  /** Whether the device queue is open (Dexie loaded, watched); until then nothing on the device waits to be sent. */
  const opened = useRef(false);
  const openQueue = useRef<() => void>(() => undefined);

  const flush = useCallback((): Promise<void> => {
    if (!opened.current) return Promise.resolve();
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const who = { teamId, membershipId };
    const run = (async () => {
      let sent = false;
      do {
        again.current = false;
        for (;;) {
          const batch = await claimBatch(who, BATCH);
          if (batch.length === 0) break;
          try {
            const result = await postLog({
              teamId,
              entries: batch.map((e) => ({
                id: e.id,
                metricId: e.metricId,
                day: e.day,
                amount: e.amount,
                ...(e.note ? { note: e.note } : {}),
                ...(e.personId ? { personId: e.personId } : {}),
              })),
            });
            await settle(
              result.results.map((r) =>
                "message" in r
                  ? { id: r.id, state: "failed" as const, message: r.message }
                  : { id: r.id, state: "synced" as const },
              ),
            );
            setProblem(null);
            sent = true;
            if (result.celebrations.length > 0) celebrate.current(result.celebrations);
          } catch (error) {
            const status = httpStatus(error);
            const refused =
              status !== undefined && status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status);
            await settle(
              batch.map((e) =>
                refused
                  ? {
                      id: e.id,
                      state: "failed" as const,
                      message: error instanceof Error ? error.message : "Refused by the server",
                    }
                  : { id: e.id, state: "queued" as const },
              ),
            );
            if (status === 401 || status === 403) setProblem("signin");
            if (!refused) return; // offline or the server is unreachable: try again later
          }
        }
      } while (again.current);
      if (sent) await refreshLogQueries();
    })()
      .catch((error: unknown) => {
        console.error("[log] sync failed", error);
        setProblem("storage");
      })
      .finally(() => {
        running.current = null;
      });
    running.current = run;
    return run;
  }, [teamId, membershipId]);

  // Watch the queue; on load put back anything a closed tab left half-sent, then send. IndexedDB (Dexie) is opened
  // once the page is interactive when the device may hold unsent entries, otherwise on the first tap (add()).
  useEffect(() => {
    const who = { teamId, membershipId };
    let stop = () => {};
    const open = () => {
      if (opened.current) return;
      opened.current = true;
      stop = watchQueue(
        who,
        (list) => {
          // The hint follows what the device holds (a tap being written shows up in the next list).
          if (list.some((q) => q.state !== "synced")) markWaiting(who);
          else clearWaiting(who);
          setStored((shown) => (shown.length === 0 && list.length === 0 ? shown : list));
        },
        () => setProblem("storage"),
      );
      void requeueStale(who)
        .then(() => flush())
        .catch(() => setProblem("storage"));
    };
    openQueue.current = open;
    const cancel = mayHaveWaiting(who) ? whenIdle(open, 1000) : whenIdle(prepareQueue, 3000);
    return () => {
      cancel();
      stop();
      opened.current = false;
    };
  }, [teamId, membershipId, flush]);

  useEffect(() => {
    if (online) void flush();
  }, [online, flush]);

  const waiting = queue.some((q) => q.state === "queued" || q.state === "sending");
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => {
      if (navigator.onLine) void flush();
    }, RETRY_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible" && navigator.onLine) void flush();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [waiting, flush]);

  const debounce = useRef<number | undefined>(undefined);
  const add = useCallback(
    async (entry: { metricId: string; day: string; amount: number; note: string | null }): Promise<string> => {
      const id = crypto.randomUUID();
      const queued: QueuedEntry = { id, teamId, membershipId, createdAt: clock.nowMs(), state: "queued", ...entry };
      markWaiting({ teamId, membershipId });
      openQueue.current();
      const written = enqueue(queued);
      writes.current.set(id, written);
      setMemory((list) => [...list, queued]);
      try {
        await written;
      } catch (error) {
        setMemory((list) => list.filter((m) => m.id !== id));
        setProblem("storage");
        throw error;
      } finally {
        writes.current.delete(id);
      }
      window.clearTimeout(debounce.current);
      debounce.current = window.setTimeout(() => {
        if (navigator.onLine) void flush();
      }, 250);
      return id;
    },
    [teamId, membershipId, flush],
  );

  /** Takes back a tap: drops it from the queue if unsent, otherwise deletes it on the server. */
  const undo = useCallback(
    async (id: string): Promise<void> => {
      await writes.current.get(id)?.catch(() => undefined);
      setMemory((list) => list.filter((m) => m.id !== id));
      if (await removeIfUnsent(id)) return;
      if (running.current) await running.current;
      if (await removeIfUnsent(id)) return;
      const row = await getQueued(id);
      if (row && row.state !== "synced") throw new Error("This entry is still being sent. Try again in a moment.");
      await lightClient.entry.delete({ teamId, entryId: id });
      await refreshLogQueries();
      await forget([id]);
    },
    [teamId],
  );

  /**
   * "Who was it?" after a tap (issue 18): puts the person on the tap in the device queue and sends it (again). An
   * entry already stored comes back a duplicate and is linked then; the server links an entry once, offline or not.
   */
  const link = useCallback(
    async (entry: Omit<QueuedEntry, "state" | "teamId" | "membershipId">, person: { id: string; name: string }) => {
      await writes.current.get(entry.id)?.catch(() => undefined);
      if (running.current) await running.current;
      const row: QueuedEntry = {
        ...entry,
        teamId,
        membershipId,
        state: "queued",
        personId: person.id,
        personName: person.name,
      };
      markWaiting({ teamId, membershipId });
      openQueue.current();
      await putQueued(row);
      if (navigator.onLine) void flush();
    },
    [teamId, membershipId, flush],
  );

  /** Drops an entry the server refused (after the member has read why). */
  const dismiss = useCallback((id: string) => forget([id]), []);

  return { queue, online, problem, add, undo, link, dismiss, flush };
}
