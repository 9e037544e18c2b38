"use client";
/**
 * What a feature keeps on a device (localStorage keys under one prefix, one IndexedDB database), read and removed the
 * same way by each: the Log (components/log/device-data.ts) and the names list (components/names/device-data.ts).
 * Loads no Dexie: the account menu imports its callers on every page.
 */

/** The localStorage keys starting with `prefix` (none when storage is blocked). */
export function storageKeysWith(prefix: string): string[] {
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

/**
 * Removes every localStorage key under `prefix` and deletes the IndexedDB database `database`; resolves within
 * `timeoutMs` even if another tab keeps the database open.
 */
export async function clearDeviceStore(prefix: string, database: string, timeoutMs: number): Promise<void> {
  for (const key of storageKeysWith(prefix)) {
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
      const request = indexedDB.deleteDatabase(database);
      request.onsuccess = done;
      request.onerror = done;
    } catch {
      done();
    }
  });
}
