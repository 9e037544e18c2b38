"use client";
/**
 * What the Log keeps on a device for its signed-in member — day snapshots and "waiting" hints in localStorage
 * (keys `backplan.log.*`, snapshot.ts and offline-queue.ts) and the offline entry queue (IndexedDB `backplan-log`).
 * Signing out removes it, so the next person on a shared phone sees none of it; entries not yet sent are named
 * first (`hasUnsentLogEntries`), so nobody loses them without being asked.
 */
import { clearDeviceStore, storageKeysWith } from "@/components/device/device-store";
/** Every localStorage key the Log writes starts with this (day snapshots, "waiting" hints). */
export const LOG_STORAGE_PREFIX = "backplan.log.";
/** The "entries may wait on this device" hints: `${WAITING_PREFIX}<teamId>.<membershipId>`. */
export const WAITING_PREFIX = `${LOG_STORAGE_PREFIX}waiting.`;
/** The IndexedDB database of the offline entry queue. */
export const QUEUE_DB = "backplan-log";

/** True when this device may hold entries the server has not confirmed (the queue's own hint). */
export function hasUnsentLogEntries(): boolean {
  return storageKeysWith(WAITING_PREFIX).length > 0;
}

/** Removes the Log's data from this device; resolves within `timeoutMs` even if another tab keeps the queue open. */
export function clearLogDeviceData(timeoutMs = 1500): Promise<void> {
  return clearDeviceStore(LOG_STORAGE_PREFIX, QUEUE_DB, timeoutMs);
}
