"use client";
/**
 * The last Log day the server sent, kept on the device (localStorage, JSON) so the page has numbers to show when
 * it opens offline. Keyed by member and day; only a handful of small objects. Entry times are stored as ISO
 * strings and read back as Dates (snapshots written by the earlier superjson format are read too).
 * `useSnapshot` reads it without a hydration mismatch (null on the server and while hydrating).
 */
import { useCallback, useSyncExternalStore } from "react";
import { LOG_STORAGE_PREFIX } from "./device-data";
import type { LogDayData } from "./types";

export interface Snapshot {
  data: LogDayData;
  fetchedAt: number;
}

const storageKey = (membershipId: string, day: string) => `${LOG_STORAGE_PREFIX}${membershipId}.${day}`;
const parsed = new Map<string, { raw: string; value: Snapshot }>();

function revive(stored: unknown): Snapshot {
  // Earlier versions wrote superjson's { json, meta }: the data is under `json`.
  const value = (
    stored && typeof stored === "object" && "json" in stored ? (stored as { json: unknown }).json : stored
  ) as Snapshot;
  // Written before the Log knew the member's day (zone, rest day): not enough to show the page; the server's next answer replaces it.
  if (!(value.data as Partial<LogDayData>).memberDay) throw new Error("A Log snapshot from an earlier version");
  const entries = value.data.entries.map((e) => ({ ...e, createdAt: new Date(e.createdAt) }));
  return { fetchedAt: value.fetchedAt, data: { ...value.data, entries } };
}

function read(key: string): Snapshot | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const cached = parsed.get(key);
    if (cached?.raw === raw) return cached.value;
    const value = revive(JSON.parse(raw));
    parsed.set(key, { raw, value });
    return value;
  } catch {
    return null;
  }
}

export function writeSnapshot(membershipId: string, day: string, snapshot: Snapshot): void {
  try {
    // No event for this tab: it shows the server's answer while it has one, and reads the store on every render.
    window.localStorage.setItem(storageKey(membershipId, day), JSON.stringify(snapshot));
  } catch {
    // Storage full or blocked: the page still works online.
  }
}

function subscribe(callback: () => void) {
  window.addEventListener("storage", callback);
  return () => window.removeEventListener("storage", callback);
}

export function useSnapshot(membershipId: string, day: string): Snapshot | null {
  const key = storageKey(membershipId, day);
  const get = useCallback(() => read(key), [key]);
  return useSyncExternalStore(subscribe, get, () => null);
}
