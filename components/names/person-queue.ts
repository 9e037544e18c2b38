"use client";
/**
 * The device's queue of people added on the names list (issue 18), in IndexedDB (Dexie) like the Log's entry queue
 * (components/log/offline-queue.ts) but in its own database and table: a person is written here first, with the id
 * made on the device, and `person.add` (idempotent by that id) sends it — so one added offline is created exactly
 * once when the device is back online, whatever retries or lost responses happen.
 */
import type { EntityTable } from "dexie";
import type DexieType from "dexie";
import { deviceDatabase, watchDevice, type DeviceOwner } from "@/components/device/device-db";
import type { TAddPersonInput } from "@/server/schemas/person";
import { clearNamesWaiting, markNamesWaiting, NAMES_QUEUE_DB } from "./device-data";

/** The IndexedDB database of the names queue (removed on sign-out with the Log's: device-data.ts). */
export { NAMES_QUEUE_DB };

export interface QueuedPerson {
  id: string;
  teamId: string;
  membershipId: string;
  person: Omit<TAddPersonInput, "id">;
  /** queued: waiting to be sent; failed: the server refused it (message says why; the member fixes or drops it). */
  state: "queued" | "failed";
  message?: string;
  /** Order of adding (a counter, not a clock: the device's queue order only). */
  seq: number;
}

type NamesQueueDb = DexieType & { people: EntityTable<QueuedPerson, "id"> };

const load = deviceDatabase<NamesQueueDb>(NAMES_QUEUE_DB, { people: "id, [teamId+membershipId], seq" });

/** Loads the queue's code while the network is there, so an add made offline can still be stored. */
export function prepareNamesQueue(): Promise<void> {
  return load().then(
    () => {
      document.documentElement.dataset.namesQueue = "ready";
    },
    () => undefined,
  );
}

export type QueueOwner = DeviceOwner;

const mine = (db: NamesQueueDb, owner: QueueOwner) =>
  db.people.where("[teamId+membershipId]").equals([owner.teamId, owner.membershipId]);

export async function enqueuePerson(row: Omit<QueuedPerson, "seq" | "state">): Promise<void> {
  const { db } = await load();
  markNamesWaiting(row);
  await db.transaction("rw", db.people, async () => {
    const last = await db.people.orderBy("seq").last();
    await db.people.put({ ...row, state: "queued", seq: (last?.seq ?? 0) + 1 });
  });
}

export function watchPeopleQueue(
  owner: QueueOwner,
  onChange: (rows: QueuedPerson[]) => void,
  onError: (error: unknown) => void,
): () => void {
  return watchDevice(
    load,
    (db) => mine(db, owner).sortBy("seq"),
    (rows) => {
      // The sign-out question reads this hint: any row (queued, or refused and not dropped) is unsent.
      if (rows.length > 0) markNamesWaiting(owner);
      else clearNamesWaiting(owner);
      onChange(rows);
    },
    onError,
  );
}

export async function queuedPeople(owner: QueueOwner): Promise<QueuedPerson[]> {
  const { db } = await load();
  return (await mine(db, owner).sortBy("seq")).filter((row) => row.state === "queued");
}

/** The server has the person: it leaves the device. */
export async function forgetPerson(id: string): Promise<void> {
  await (await load()).db.people.delete(id);
}

/** The server refused it (bad input): kept, with the reason, until the member drops it. */
export async function failPerson(id: string, message: string): Promise<void> {
  await (await load()).db.people.update(id, { state: "failed", message });
}
