import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ABSENT,
  decodeSplit,
  encodeSplit,
  patchSplit,
  positionsBySlot,
  SLOT_BYTES,
  splitReader,
  splitSlots,
} from "./goal-split";

/** One slot's numbers through the reader, or null when the member is not in the goal. */
function readSlot(split: Uint8Array, slot: number) {
  const reader = splitReader(split);
  const personal = reader.personal(slot);
  return personal === null ? null : { personal, team: reader.team(slot) };
}

const value = fc.integer({ min: ABSENT + 1, max: 2147483647 });
/** A map slot → numbers: distinct slots, any order. */
const entries = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 0, max: 3000 }), value, value), { selector: (e) => e[0], maxLength: 200 })
  .map((xs) => new Map(xs.map(([s, p, t]) => [s, { personal: p, team: t }])));
const columns = (m: Map<number, { personal: number; team: number }>) => ({
  slots: [...m.keys()],
  personal: [...m.values()].map((v) => v.personal),
  team: [...m.values()].map((v) => v.team),
});

describe("goal split codec", () => {
  it("stores int4 big-endian, personal then team, as PostgreSQL's int4send", () => {
    const b = encodeSplit({ slots: [1], personal: [0x01020304], team: [-2] });
    expect([...b]).toEqual([0x80, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 0xff, 0xff, 0xff, 0xfe]);
    expect(readSlot(b, 0)).toBeNull();
    expect(readSlot(b, 1)).toEqual({ personal: 0x01020304, team: -2 });
    expect(readSlot(b, 2)).toBeNull();
    expect(encodeSplit({ slots: [], personal: [], team: [] }).length).toBe(0);
  });

  it("round-trips any set of slots: every slot reads back, every other slot is absent", () => {
    fc.assert(
      fc.property(entries, fc.integer({ min: 0, max: 3100 }), (m, probe) => {
        const b = encodeSplit(columns(m));
        for (const [s, v] of m) expect(readSlot(b, s)).toEqual(v);
        expect(readSlot(b, probe)).toEqual(m.get(probe) ?? null);
        const d = decodeSplit(b);
        const sorted = [...m.keys()].sort((a, z) => a - z);
        expect([...d.slots]).toEqual(sorted);
        sorted.forEach((s, i) => expect({ personal: d.personal[i], team: d.team[i] }).toEqual(m.get(s)));
        // Trimmed: the last slot stored is the highest targeted one.
        expect(splitSlots(b)).toBe(sorted.length === 0 ? 0 : sorted[sorted.length - 1]! + 1);
        expect(b.length % SLOT_BYTES).toBe(0);
      }),
    );
  });

  it("a patch equals encoding the merged map (set wins, removed slots become absent), and leaves its base alone", () => {
    fc.assert(
      fc.property(entries, entries, fc.array(fc.integer({ min: 0, max: 3200 }), { maxLength: 50 }), (a, b, removed) => {
        const base = encodeSplit(columns(a));
        const copy = base.slice();
        const merged = new Map(a);
        for (const r of removed) merged.delete(r);
        for (const [s, v] of b) merged.set(s, v);
        const patched = patchSplit(base, columns(b), removed);
        expect([...patched]).toEqual([...encodeSplit(columns(merged))]);
        expect([...base]).toEqual([...copy]);
      }),
    );
  });

  it("refuses numbers that do not fit, or that would read as the marker", () => {
    expect(() => encodeSplit({ slots: [0], personal: [ABSENT], team: [0] })).toThrow();
    expect(() => encodeSplit({ slots: [0], personal: [1.5], team: [0] })).toThrow();
    expect(() => encodeSplit({ slots: [0], personal: [0], team: [2 ** 31] })).toThrow();
    expect(() => encodeSplit({ slots: [-1], personal: [0], team: [0] })).toThrow();
  });
});

describe("positionsBySlot", () => {
  it("answers each slot's position, −1 for a slot not listed, negative or past the end", () => {
    const p = positionsBySlot([7, 2, 9]);
    expect([7, 2, 9, 0, 8, 10, -1, 1000].map((s) => p.slotAt(s))).toEqual([0, 1, 2, -1, -1, -1, -1, -1]);
    expect(positionsBySlot([]).slotAt(0)).toBe(-1);
  });
});
