"use client";
/**
 * The device's entry queue in IndexedDB (Dexie). Taps are written here first, so an entry survives a closed tab,
 * a dead network or a lost response; sync.ts sends them. One database per browser profile, rows per team+member.
 */
import Dexie, { liveQuery, type EntityTable } from "dexie";
import type { QueuedEntry, QueueState } from "./queue-model";

class LogQueueDb extends Dexie {
  entries!: EntityTable<QueuedEntry, "id">;
  constructor() {
    super("backplan-log");
    this.version(1).stores({ entries: "id, [teamId+membershipId], state, createdAt" });
  }
}

let instance: LogQueueDb | null = null;
function queueDb(): LogQueueDb {
  instance ??= new LogQueueDb();
  return instance;
}

export interface QueueOwner {
  teamId: string;
  membershipId: string;
}

const mine = (owner: QueueOwner) => queueDb().entries.where("[teamId+membershipId]").equals([owner.teamId, owner.membershipId]);

export async function enqueue(entry: QueuedEntry): Promise<void> {
  await queueDb().entries.add(entry);
}

/** Live list of the owner's queue (oldest first); call the returned function to stop. */
export function watchQueue(owner: QueueOwner, onChange: (entries: QueuedEntry[]) => void, onError: (error: unknown) => void): () => void {
  const subscription = liveQuery(() => mine(owner).sortBy("createdAt")).subscribe({ next: onChange, error: onError });
  return () => subscription.unsubscribe();
}

/** Takes up to `limit` queued entries (oldest first) and marks them `sending`, atomically. */
export async function claimBatch(owner: QueueOwner, limit: number): Promise<QueuedEntry[]> {
  const db = queueDb();
  return db.transaction("rw", db.entries, async () => {
    const batch = (await mine(owner).sortBy("createdAt")).filter((e) => e.state === "queued").slice(0, limit);
    await db.entries.bulkUpdate(batch.map((e) => ({ key: e.id, changes: { state: "sending" as QueueState } })));
    return batch;
  });
}

/** Entries left `sending` by a tab that closed mid-request go back to the queue (the server dedupes by id). */
export async function requeueStale(owner: QueueOwner): Promise<void> {
  const db = queueDb();
  await db.transaction("rw", db.entries, async () => {
    const stale = (await mine(owner).toArray()).filter((e) => e.state === "sending");
    await db.entries.bulkUpdate(stale.map((e) => ({ key: e.id, changes: { state: "queued" as QueueState } })));
  });
}

export async function settle(
  results: readonly { id: string; state: "synced" | "failed" | "queued"; message?: string }[],
): Promise<void> {
  const db = queueDb();
  const now = Date.now();
  await db.entries.bulkUpdate(
    results.map((r) => ({
      key: r.id,
      changes: r.state === "synced" ? { state: r.state, syncedAt: now } : r.state === "failed" ? { state: r.state, message: r.message } : { state: r.state },
    })),
  );
}

/** Removes an entry that has not been sent; false when it is already on its way or stored. */
export async function removeIfUnsent(id: string): Promise<boolean> {
  const db = queueDb();
  return db.transaction("rw", db.entries, async () => {
    const row = await db.entries.get(id);
    if (!row) return true;
    if (row.state !== "queued" && row.state !== "failed") return false;
    await db.entries.delete(id);
    return true;
  });
}

export async function getQueued(id: string): Promise<QueuedEntry | undefined> {
  return queueDb().entries.get(id);
}

export async function forget(ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await queueDb().entries.bulkDelete([...ids]);
}
