import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  clearNamesDeviceData,
  clearNamesWaiting,
  hasUnsentNames,
  markNamesWaiting,
  NAMES_QUEUE_DB,
} from "./device-data";

/** A localStorage with the Web Storage surface the module uses. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
  };
}

const ivy = { teamId: "t1", membershipId: "m1" };
const theo = { teamId: "t1", membershipId: "m2" };
let storage: Storage;

beforeEach(() => {
  storage = memoryStorage();
  vi.stubGlobal("window", { localStorage: storage, setTimeout, clearTimeout });
});
afterEach(() => vi.unstubAllGlobals());

describe("the names list's device data", () => {
  it("says people are unsent while any member's queue holds some, and not once each queue was seen empty", () => {
    expect(hasUnsentNames()).toBe(false);
    markNamesWaiting(ivy);
    markNamesWaiting(theo);
    expect(hasUnsentNames()).toBe(true);
    clearNamesWaiting(ivy);
    expect(hasUnsentNames()).toBe(true);
    clearNamesWaiting(theo);
    expect(hasUnsentNames()).toBe(false);
  });

  it("sign-out removes its own keys and deletes the queue's database, leaving other keys alone", async () => {
    markNamesWaiting(ivy);
    storage.setItem("backplan.log.waiting.t1.m1", "1");
    const deleted: string[] = [];
    vi.stubGlobal("indexedDB", {
      deleteDatabase: (name: string) => {
        deleted.push(name);
        const request: { onsuccess?: () => void } = {};
        queueMicrotask(() => request.onsuccess?.());
        return request;
      },
    });
    await clearNamesDeviceData();
    expect(hasUnsentNames()).toBe(false);
    expect(storage.getItem("backplan.log.waiting.t1.m1")).toBe("1");
    expect(deleted).toEqual([NAMES_QUEUE_DB]);
  });

  it("resolves even when the database cannot be deleted yet (another tab holds it)", async () => {
    vi.stubGlobal("indexedDB", { deleteDatabase: () => ({}) });
    await expect(clearNamesDeviceData(10)).resolves.toBeUndefined();
  });

  it("blocked storage: nothing to find, nothing thrown", () => {
    vi.stubGlobal("window", {
      get localStorage(): Storage {
        throw new Error("SecurityError");
      },
    });
    expect(() => markNamesWaiting(ivy)).not.toThrow();
    expect(hasUnsentNames()).toBe(false);
  });
});
