"use client";
/**
 * Sends the people waiting on the device (person-queue.ts) to the server: after an add, when the browser comes back
 * online, when the tab becomes visible, and every 20 s while something waits. `person.add` is idempotent by the
 * device's id, so a retry after a lost response creates nobody twice; a person leaves the queue only after the
 * server confirmed it. A refusal (4xx: bad input) keeps the person on the device with the reason.
 */
import { useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useOnline } from "@/components/log/use-entry-sync";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import type { TAddPersonInput } from "@/server/schemas/person";
import {
  enqueuePerson,
  failPerson,
  forgetPerson,
  prepareNamesQueue,
  queuedPeople,
  watchPeopleQueue,
  type QueueOwner,
  type QueuedPerson,
} from "./person-queue";

const RETRY_MS = 20_000;

function refusal(error: unknown): string | null {
  if (!(error instanceof TRPCClientError)) return null;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  if (status === undefined || status < 400 || status >= 500 || status === 401 || status === 408 || status === 429) {
    return null;
  }
  return error.message;
}

export function usePeopleSync(owner: QueueOwner) {
  const online = useOnline();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [waiting, setWaiting] = useState<QueuedPerson[]>([]);
  const [storageProblem, setStorageProblem] = useState(false);
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const { teamId, membershipId } = owner;

  useEffect(() => {
    void prepareNamesQueue();
    return watchPeopleQueue({ teamId, membershipId }, setWaiting, () => setStorageProblem(true));
  }, [teamId, membershipId]);

  const flush = useCallback((): Promise<void> => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const run = (async () => {
      do {
        again.current = false;
        if (!navigator.onLine) return;
        let sent = 0;
        for (const row of await queuedPeople({ teamId, membershipId })) {
          try {
            await client.person.add.mutate({ teamId, id: row.id, ...row.person });
            await forgetPerson(row.id);
            sent++;
          } catch (error) {
            const message = refusal(error);
            if (message === null) break; // offline or the server is away: try again later
            await failPerson(row.id, message);
          }
        }
        if (sent > 0) await queryClient.invalidateQueries({ queryKey: trpc.person.pathKey() });
      } while (again.current);
    })().finally(() => {
      running.current = null;
    });
    running.current = run;
    return run;
  }, [client, queryClient, trpc, teamId, membershipId]);

  useEffect(() => {
    if (online) void flush();
  }, [online, flush]);
  useEffect(() => {
    const onVisible = () => document.visibilityState === "visible" && void flush();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [flush]);
  const hasQueued = waiting.some((row) => row.state === "queued");
  useEffect(() => {
    if (!hasQueued) return;
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [hasQueued, flush]);

  /** Adds a person: on the device first, then sent. */
  const add = useCallback(
    async (input: TAddPersonInput) => {
      const { id, ...person } = input;
      await enqueuePerson({ id, teamId, membershipId, person });
      void flush();
    },
    [teamId, membershipId, flush],
  );

  return { waiting, online, add, drop: forgetPerson, storageProblem };
}
