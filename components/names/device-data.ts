"use client";
/**
 * What the names list keeps on a device for its signed-in member: the queue of people added but not yet sent
 * (IndexedDB `backplan-names`, person-queue.ts) and its "waiting" hints in localStorage (keys `backplan.names.*`).
 * Signing out removes it like the Log's (components/log/device-data.ts), so the next person on a shared phone sees
 * none of it; people not yet sent are named first (`hasUnsentNames`, a synchronous read of the hints: the sign-out
 * question cannot wait for IndexedDB), so nobody loses them without being asked.
 *
 * This file does not load Dexie: the account menu imports it on every page.
 */
import { clearDeviceStore, storageKeysWith } from "@/components/device/device-store";
/** Every localStorage key the names list writes starts with this. */
export const NAMES_STORAGE_PREFIX = "backplan.names.";
/** The "people may wait on this device" hints: `${NAMES_WAITING_PREFIX}<teamId>.<membershipId>`. */
export const NAMES_WAITING_PREFIX = `${NAMES_STORAGE_PREFIX}waiting.`;
/** The IndexedDB database of the names queue. */
export const NAMES_QUEUE_DB = "backplan-names";

export interface NamesOwner {
  teamId: string;
  membershipId: string;
}

const hintKey = (owner: NamesOwner) => `${NAMES_WAITING_PREFIX}${owner.teamId}.${owner.membershipId}`;

/** Set before a person is written to the queue, and while the queue holds any of the member's people. */
export function markNamesWaiting(owner: NamesOwner): void {
  try {
    window.localStorage.setItem(hintKey(owner), "1");
  } catch {
    // Blocked storage: the queue cannot keep anyone on the device either (adding needs a connection).
  }
}

/** Cleared only when the member's queue is seen empty. */
export function clearNamesWaiting(owner: NamesOwner): void {
  try {
    window.localStorage.removeItem(hintKey(owner));
  } catch {
    // Nothing to clear.
  }
}

/** True when this device may hold people the server has not confirmed (queued, or refused and not dropped). */
export function hasUnsentNames(): boolean {
  return storageKeysWith(NAMES_WAITING_PREFIX).length > 0;
}

/** Removes the names list's data from this device; resolves within `timeoutMs` even if another tab keeps it open. */
export function clearNamesDeviceData(timeoutMs = 1500): Promise<void> {
  return clearDeviceStore(NAMES_STORAGE_PREFIX, NAMES_QUEUE_DB, timeoutMs);
}
