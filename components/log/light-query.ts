"use client";
/**
 * Reading the server from the Log page without TanStack Query (kept off the phone page's first-load JavaScript):
 * `useLightQuery` fetches on mount and when its key changes, keeps the last answer per key for the page's life
 * (going back to a day shows it at once while it refetches), retries once unless the server refused (4xx), and
 * `refreshLogQueries()` makes every mounted one fetch again — what invalidating the queries did before.
 * `useLightMutation` is the write side: a call with its pending state (and what it was called with).
 */
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { LightClientError } from "@/trpc/light";
import * as clock from "@/server/clock";

const cache = new Map<string, { data: unknown; fetchedAt: number; seq: number }>();
const refetchers = new Set<() => Promise<void>>();
let sequence = 0;

/** Fetches every mounted query again; resolves when they have all answered (or failed). */
export function refreshLogQueries(): Promise<void> {
  return Promise.all([...refetchers].map((refetch) => refetch())).then(() => undefined);
}

export interface LightQuery<T> {
  data: T | undefined;
  /** When `data` arrived (ms), 0 without data. */
  fetchedAt: number;
  error: LightClientError | null;
  isPending: boolean;
  refetch: () => Promise<void>;
}

const asError = (error: unknown) =>
  error instanceof LightClientError
    ? error
    : new LightClientError(error instanceof Error ? error.message : String(error));

/** `key` null: disabled. The fetcher is read at call time, so it may be an inline function. */
export function useLightQuery<T>(key: string | null, fetcher: () => Promise<T>): LightQuery<T> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [failure, setFailure] = useState<{ key: string; error: LightClientError } | null>(null);
  const latest = useRef(fetcher);
  useEffect(() => {
    latest.current = fetcher;
  });

  const refetch = useCallback(async () => {
    if (key === null) return;
    const seq = ++sequence;
    for (let attempt = 0; ; attempt++) {
      try {
        const data = await latest.current();
        // An older request that answers late never overwrites a newer answer.
        if ((cache.get(key)?.seq ?? 0) < seq) cache.set(key, { data, fetchedAt: clock.nowMs(), seq });
        setFailure((f) => (f?.key === key ? null : f));
        rerender();
        return;
      } catch (error) {
        const e = asError(error);
        const refused = e.httpStatus !== undefined && e.httpStatus >= 400 && e.httpStatus < 500;
        if (refused || attempt >= 1) {
          setFailure({ key, error: e });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }, [key]);

  useEffect(() => {
    if (key === null) return;
    refetchers.add(refetch);
    // State is set only once the request has answered (after an await), not synchronously in the effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refetch();
    return () => {
      refetchers.delete(refetch);
    };
  }, [key, refetch]);

  const cached = key === null ? undefined : cache.get(key);
  const error = failure && failure.key === key ? failure.error : null;
  return {
    data: cached?.data as T | undefined,
    fetchedAt: cached?.fetchedAt ?? 0,
    error,
    isPending: !cached && !error,
    refetch,
  };
}

export interface LightMutation<I> {
  mutate: (input: I) => void;
  isPending: boolean;
  /** The input of the call under way (undefined when none). */
  variables: I | undefined;
}

/** A write to the server: `mutate` calls it and then `onSuccess` or `onError`; pending while it runs. */
export function useLightMutation<I, O>(
  call: (input: I) => Promise<O>,
  handlers: { onSuccess: (output: O) => void; onError: (error: Error) => void },
): LightMutation<I> {
  const [pending, setPending] = useState<{ input: I } | null>(null);
  const mutate = (input: I) => {
    setPending({ input });
    call(input)
      .then(handlers.onSuccess, handlers.onError)
      .finally(() => setPending(null));
  };
  return { mutate, isPending: pending !== null, variables: pending?.input };
}
