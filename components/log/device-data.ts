"use client";
/**
 * What the Log keeps on a device for its signed-in member — day snapshots and "waiting" hints in localStorage
 * (keys `backplan.log.*`, snapshot.ts and offline-queue.ts) and the offline entry queue (IndexedDB `backplan-log`).
 * Signing out removes it, so the next person on a shared phone sees none of it; entries not yet sent are named
 * first (`hasUnsentLogEntries`), so nobody loses them without being asked.
 */
/** Every localStorage key the Log writes starts with this (day snapshots, "waiting" hints). */
export const LOG_STORAGE_PREFIX = "backplan.log.";
/** The "entries may wait on this device" hints: `${WAITING_PREFIX}<teamId>.<membershipId>`. */
export const WAITING_PREFIX = `${LOG_STORAGE_PREFIX}waiting.`;
/** The IndexedDB database of the offline entry queue. */
export const QUEUE_DB = "backplan-log";

function logKeys(prefix: string): string[] {
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    return keys;
  } catch {
    return [];
  }
}

/** True when this device may hold entries the server has not confirmed (the queue's own hint). */
export function hasUnsentLogEntries(): boolean {
  return logKeys(WAITING_PREFIX).length > 0;
}

/** Removes the Log's data from this device; resolves within `timeoutMs` even if another tab keeps the queue open. */
export async function clearLogDeviceData(timeoutMs = 1500): Promise<void> {
  for (const key of logKeys(LOG_STORAGE_PREFIX)) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Storage blocked: nothing was kept there either.
    }
  }
  if (typeof indexedDB === "undefined") return;
  await new Promise<void>((resolve) => {
    const timer = window.setTimeout(resolve, timeoutMs);
    const done = () => {
      window.clearTimeout(timer);
      resolve();
    };
    try {
      const request = indexedDB.deleteDatabase(QUEUE_DB);
      request.onsuccess = done;
      request.onerror = done;
    } catch {
      done();
    }
  });
}
