import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  overlayEntries,
  pendingByMetric,
  prunable,
  waitingCount,
  type QueuedEntry,
  type QueueState,
} from "./queue-model";

const entry = (id: string, state: QueueState, extra: Partial<QueuedEntry> = {}): QueuedEntry => ({
  id,
  teamId: "t",
  membershipId: "m",
  metricId: "calls",
  day: "2026-11-24",
  amount: 1,
  note: null,
  createdAt: 0,
  state,
  ...extra,
});

describe("overlayEntries", () => {
  it("lays over what the server does not know yet, never what it already counts", () => {
    const queue = [
      entry("a", "queued"),
      entry("b", "sending"),
      entry("c", "synced", { syncedAt: 50 }), // arrived before the fetch and is not in the list: deleted since
      entry("d", "synced", { syncedAt: 150 }), // arrived after the fetch
      entry("e", "synced", { syncedAt: 150 }), // … but the server list already has it
      entry("f", "failed", { message: "too far back" }),
    ];
    const server = { entries: [{ id: "e", metricId: "calls", amount: 1 }], fetchedAt: 100 };
    expect(overlayEntries(queue, server).map((q) => q.id)).toEqual(["a", "b", "d"]);
    expect(overlayEntries(queue, null).map((q) => q.id)).toEqual(["a", "b", "c", "d", "e"]);
    expect(waitingCount(queue)).toBe(2);
  });

  it("counts every entry exactly once, whatever the server has seen (property)", () => {
    const states = fc.constantFrom<QueueState>("queued", "sending", "synced");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(states, fc.boolean(), fc.integer({ min: 1, max: 9 })), { maxLength: 30 }),
        (rows) => {
          // The server has stored every synced entry; its list includes those it fetched after (inServer).
          const queue = rows.map(([state, inServer, amount], i) =>
            entry(`id${i}`, state, { amount, syncedAt: state === "synced" ? (inServer ? 50 : 150) : undefined }),
          );
          const serverEntries = rows.flatMap(([state, inServer, amount], i) =>
            state === "synced" && inServer ? [{ id: `id${i}`, metricId: "calls", amount }] : [],
          );
          const server = { entries: serverEntries, fetchedAt: 100 };
          const shown =
            serverEntries.reduce((s, e) => s + e.amount, 0) +
            (pendingByMetric(overlayEntries(queue, server), "2026-11-24").get("calls") ?? 0);
          expect(shown).toBe(rows.reduce((s, [, , amount]) => s + amount, 0));
        },
      ),
    );
  });
});

describe("prunable", () => {
  it("forgets synced entries the server numbers include, keeps the rest", () => {
    const queue = [
      entry("a", "queued"),
      entry("b", "synced", { syncedAt: 50 }),
      entry("c", "synced", { syncedAt: 150 }),
      entry("d", "synced", { syncedAt: 150 }),
    ];
    const server = { entries: [{ id: "d", metricId: "calls", amount: 1 }], fetchedAt: 100, day: "2026-11-24" };
    expect(prunable(queue, server, 200)).toEqual(["b", "d"]);
  });
});
