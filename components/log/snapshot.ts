"use client";
/**
 * The last Log day the server sent, kept on the device (localStorage, superjson for dates) so the page has numbers
 * to show when it opens offline. Keyed by member and day; only a handful of small objects.
 * `useSnapshot` reads it without a hydration mismatch (null on the server and while hydrating).
 */
import { useCallback, useSyncExternalStore } from "react";
import superjson from "superjson";

export interface Snapshot<T> {
  data: T;
  fetchedAt: number;
}

const storageKey = (membershipId: string, day: string) => `backplan.log.${membershipId}.${day}`;
const EVENT = "backplan-log-snapshot";
const parsed = new Map<string, { raw: string; value: unknown }>();

function read<T>(key: string): Snapshot<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const cached = parsed.get(key);
    if (cached?.raw === raw) return cached.value as Snapshot<T>;
    const value = superjson.parse<Snapshot<T>>(raw);
    parsed.set(key, { raw, value });
    return value;
  } catch {
    return null;
  }
}

export function writeSnapshot<T>(membershipId: string, day: string, snapshot: Snapshot<T>): void {
  try {
    window.localStorage.setItem(storageKey(membershipId, day), superjson.stringify(snapshot));
    window.dispatchEvent(new Event(EVENT));
  } catch {
    // Storage full or blocked: the page still works online.
  }
}

function subscribe(callback: () => void) {
  window.addEventListener("storage", callback);
  window.addEventListener(EVENT, callback);
  return () => {
    window.removeEventListener("storage", callback);
    window.removeEventListener(EVENT, callback);
  };
}

export function useSnapshot<T>(membershipId: string, day: string): Snapshot<T> | null {
  const key = storageKey(membershipId, day);
  const get = useCallback(() => read<T>(key), [key]);
  return useSyncExternalStore(subscribe, get, () => null);
}
