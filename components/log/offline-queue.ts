"use client";
/**
 * The device's entry queue in IndexedDB (Dexie). Taps are written here first, so an entry survives a closed tab,
 * a dead network or a lost response; sync.ts sends them. One database per browser profile, rows per team+member.
 */
import type { EntityTable } from "dexie";
import type DexieType from "dexie";
import { deviceDatabase, watchDevice, type DeviceOwner } from "@/components/device/device-db";
import { QUEUE_DB, WAITING_PREFIX } from "./device-data";
import type { QueuedEntry, QueueState } from "./queue-model";
import * as clock from "@/server/clock";

type LogQueueDb = DexieType & { entries: EntityTable<QueuedEntry, "id"> };

/**
 * Dexie is loaded after the page has rendered, so it stays off the Log page's critical path (the database itself
 * opens on first use): components/device/device-db.ts.
 */
const load = deviceDatabase<LogQueueDb>(QUEUE_DB, { entries: "id, [teamId+membershipId], state, createdAt" });

/**
 * Fetches the queue's code while the network is there (without opening the database), so a tap made after the
 * connection drops can still be written to the device: without it the first offline tap had no code to store it.
 */
export function prepareQueue(): void {
  load().then(
    () => {
      // Observable readiness (the e2e waits for it before cutting the network).
      document.documentElement.dataset.offlineQueue = "ready";
    },
    () => undefined,
  );
}
const queueDb = async () => (await load()).db;

export type QueueOwner = DeviceOwner;

const mine = (db: LogQueueDb, owner: QueueOwner) =>
  db.entries.where("[teamId+membershipId]").equals([owner.teamId, owner.membershipId]);

/**
 * A hint in localStorage that this member may have entries on the device the server has not confirmed (or refused):
 * set before every write, cleared only when the queue is seen with none. Without it the Log page does not open
 * IndexedDB (nor load Dexie) until the first tap; when storage is blocked it always does.
 */
const hintKey = (owner: QueueOwner) => `${WAITING_PREFIX}${owner.teamId}.${owner.membershipId}`;

export function mayHaveWaiting(owner: QueueOwner): boolean {
  try {
    return window.localStorage.getItem(hintKey(owner)) !== null;
  } catch {
    return true;
  }
}

export function markWaiting(owner: QueueOwner): void {
  try {
    window.localStorage.setItem(hintKey(owner), "1");
  } catch {
    // Blocked storage: mayHaveWaiting() answers true anyway.
  }
}

export function clearWaiting(owner: QueueOwner): void {
  try {
    window.localStorage.removeItem(hintKey(owner));
  } catch {
    // Nothing to clear.
  }
}

export async function enqueue(entry: QueuedEntry): Promise<void> {
  await (await queueDb()).entries.add(entry);
}

/** Live list of the owner's queue (oldest first); call the returned function to stop. */
export function watchQueue(
  owner: QueueOwner,
  onChange: (entries: QueuedEntry[]) => void,
  onError: (error: unknown) => void,
): () => void {
  return watchDevice(load, (db) => mine(db, owner).sortBy("createdAt"), onChange, onError);
}

/** Takes up to `limit` queued entries (oldest first) and marks them `sending`, atomically. */
export async function claimBatch(owner: QueueOwner, limit: number): Promise<QueuedEntry[]> {
  const db = await queueDb();
  return db.transaction("rw", db.entries, async () => {
    const batch = (await mine(db, owner).sortBy("createdAt")).filter((e) => e.state === "queued").slice(0, limit);
    await db.entries.bulkUpdate(batch.map((e) => ({ key: e.id, changes: { state: "sending" as QueueState } })));
    return batch;
  });
}

/** Entries left `sending` by a tab that closed mid-request go back to the queue (the server dedupes by id). */
export async function requeueStale(owner: QueueOwner): Promise<void> {
  const db = await queueDb();
  await db.transaction("rw", db.entries, async () => {
    const stale = (await mine(db, owner).toArray()).filter((e) => e.state === "sending");
    await db.entries.bulkUpdate(stale.map((e) => ({ key: e.id, changes: { state: "queued" as QueueState } })));
  });
}

export async function settle(
  results: readonly { id: string; state: "synced" | "failed" | "queued"; message?: string }[],
): Promise<void> {
  const db = await queueDb();
  const now = clock.nowMs();
  await db.entries.bulkUpdate(
    results.map((r) => ({
      key: r.id,
      changes:
        r.state === "synced"
          ? { state: r.state, syncedAt: now }
          : r.state === "failed"
            ? { state: r.state, message: r.message }
            : { state: r.state },
    })),
  );
}

/** Removes an entry that has not been sent; false when it is already on its way or stored. */
export async function removeIfUnsent(id: string): Promise<boolean> {
  const db = await queueDb();
  return db.transaction("rw", db.entries, async () => {
    const row = await db.entries.get(id);
    // Not on the device any more: it was stored and the server's numbers already include it.
    if (!row) return false;
    if (row.state !== "queued" && row.state !== "failed") return false;
    await db.entries.delete(id);
    return true;
  });
}

/** Writes an entry to the queue, replacing the device's copy of the same id ("who was it?" adds the person). */
export async function putQueued(entry: QueuedEntry): Promise<void> {
  await (await queueDb()).entries.put(entry);
}

export async function getQueued(id: string): Promise<QueuedEntry | undefined> {
  return (await queueDb()).entries.get(id);
}

export async function forget(ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await (await queueDb()).entries.bulkDelete([...ids]);
}
