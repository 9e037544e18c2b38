/**
 * The device's queue of entries, as plain data (the IndexedDB side is offline-queue.ts), and how it is laid over
 * the server's numbers for the Log page. Pure, so it is unit-tested without a browser.
 *
 * Every tap is written to the device first (state `queued`), sent in batches (`sending`), and kept as `synced`
 * until the server's numbers include it; `failed` entries were refused by the server and wait for the member.
 * An entry counts on the page once: either it is in the server's entry list for the day (by id), or it is laid
 * over — while queued/sending, or synced after the server numbers were fetched.
 */
export type QueueState = "queued" | "sending" | "synced" | "failed";

export interface QueuedEntry {
  /** crypto.randomUUID(), made on the device: the server counts an id once however often it is sent. */
  id: string;
  teamId: string;
  /** Whose entry (the signed-in member of that team on this device). */
  membershipId: string;
  metricId: string;
  day: string;
  amount: number;
  note: string | null;
  /** Device clock (ms) when it was made. */
  createdAt: number;
  state: QueueState;
  /** When the server confirmed it (ms). */
  syncedAt?: number;
  /** Why the server refused it (state `failed`). */
  message?: string;
  /** The person of the member's names list this tap was with ("who was it?"), sent with the entry (issue 18). */
  personId?: string;
  personName?: string;
}

export interface ServerDayEntry {
  id: string;
  metricId: string;
  amount: number;
}

/** Entries of the queue that the server's numbers (fetched at `fetchedAt`) do not include yet. */
export function overlayEntries(
  queue: readonly QueuedEntry[],
  server: { entries: readonly ServerDayEntry[]; fetchedAt: number } | null,
): QueuedEntry[] {
  const known = new Set(server?.entries.map((e) => e.id) ?? []);
  return queue.filter((q) => {
    if (q.state === "failed" || known.has(q.id)) return false;
    if (q.state === "queued" || q.state === "sending") return true;
    // Synced: counted by the server numbers if they were fetched after it arrived (then it was since deleted).
    return server === null || (q.syncedAt ?? 0) > server.fetchedAt;
  });
}

/** Sum of overlaid amounts per metric for one day. */
export function pendingByMetric(overlay: readonly QueuedEntry[], day: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const q of overlay) if (q.day === day) sums.set(q.metricId, (sums.get(q.metricId) ?? 0) + q.amount);
  return sums;
}

/** Entries still to be sent (queued or in flight) — what "waiting to sync" counts. */
export const waitingCount = (queue: readonly QueuedEntry[]) =>
  queue.filter((q) => q.state === "queued" || q.state === "sending").length;

/** Synced entries the server numbers now include (or that are older than a day): safe to forget. */
export function prunable(
  queue: readonly QueuedEntry[],
  server: { entries: readonly ServerDayEntry[]; fetchedAt: number; day: string },
  now: number,
): string[] {
  const known = new Set(server.entries.map((e) => e.id));
  return queue
    .filter(
      (q) =>
        q.state === "synced" &&
        ((q.day === server.day && (known.has(q.id) || (q.syncedAt ?? 0) < server.fetchedAt)) ||
          now - (q.syncedAt ?? 0) > 86_400_000),
    )
    .map((q) => q.id);
}
