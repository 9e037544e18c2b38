"use client";
/**
 * The device's IndexedDB queues (the Log's entries, the names list's people) share how they open and how they are
 * watched: Dexie is imported on first use, off the page's critical path (a failed import is not remembered, so the
 * next call tries again), and a queue's rows for one team member are watched live. Each queue keeps its own
 * database, table, states and sending rules (components/log/offline-queue.ts, components/names/person-queue.ts).
 */
import type DexieType from "dexie";

type LiveQuery = (typeof import("dexie"))["liveQuery"];
export interface OpenedDeviceDb<D> {
  db: D;
  liveQuery: LiveQuery;
}

/** Whose rows: a queue keeps rows per team and member (the `[teamId+membershipId]` index). */
export interface DeviceOwner {
  teamId: string;
  membershipId: string;
}

/** A lazy opener of one Dexie database with its version-1 stores. */
export function deviceDatabase<D extends DexieType>(
  name: string,
  stores: Record<string, string>,
): () => Promise<OpenedDeviceDb<D>> {
  let instance: Promise<OpenedDeviceDb<D>> | null = null;
  return () => {
    instance ??= import("dexie")
      .then(({ Dexie, liveQuery }) => {
        const db = new Dexie(name) as D;
        db.version(1).stores(stores);
        return { db, liveQuery };
      })
      .catch((error: unknown) => {
        instance = null;
        throw error;
      });
    return instance;
  };
}

/** Watches a read of the queue live (every change to it calls `onChange`); call the returned function to stop. */
export function watchDevice<D, T>(
  load: () => Promise<OpenedDeviceDb<D>>,
  read: (db: D) => Promise<T>,
  onChange: (value: T) => void,
  onError: (error: unknown) => void,
): () => void {
  let stopped = false;
  let unsubscribe = () => {
    stopped = true;
  };
  load().then(({ db, liveQuery }) => {
    if (stopped) return;
    const subscription = liveQuery(() => read(db)).subscribe({ next: onChange, error: onError });
    unsubscribe = () => subscription.unsubscribe();
  }, onError);
  return () => unsubscribe();
}
