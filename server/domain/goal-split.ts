/**
 * A goal's split in one value (GoalSplit.split, issue 21): every targeted member's personal and team target,
 * addressed by the member's slot (`Membership.slot`, dense per team, never reused). 8 bytes a slot: personal then
 * team, each a signed 32-bit integer, big-endian (PostgreSQL's `int4send`, so SQL reads a member with
 * `substring(split FROM slot * 8 + 1 FOR 8)`). A slot whose personal is ABSENT (-2^31), or that lies past the end,
 * is not in the goal. Pure: Uint8Array and DataView only (no Buffer), so the browser can import it too.
 */
import { PlanningError } from "./errors";

export const SLOT_BYTES = 8;
/** The "not in this goal" marker, stored as the slot's personal target. */
export const ABSENT = -2147483648;
const MAX = 2147483647;

/** How many slots the split covers (targeted or not). */
export function splitSlots(split: Uint8Array): number {
  return Math.floor(split.length / SLOT_BYTES);
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

function checkValue(v: number, what: string) {
  if (!Number.isInteger(v) || v <= ABSENT || v > MAX) {
    throw new PlanningError(
      "TARGET_RANGE",
      `A ${what} target must be a whole number within ±2,147,483,647 (got ${v}).`,
    );
  }
}

function checkSlot(slot: number) {
  if (!Number.isInteger(slot) || slot < 0 || slot > 0x0fffffff) {
    throw new PlanningError("SLOT_RANGE", `A member slot must be a whole number ≥ 0 (got ${slot}).`);
  }
}

/**
 * Reads slots of one split (one DataView for any number of reads): a slot's personal target, or null when the member
 * is not in the goal, and its team target (read it only for a slot in the goal).
 */
export function splitReader(split: Uint8Array): {
  personal: (slot: number) => number | null;
  team: (slot: number) => number;
} {
  const dv = view(split);
  const slots = splitSlots(split);
  return {
    personal(slot) {
      if (slot < 0 || slot >= slots) return null;
      const p = dv.getInt32(slot * SLOT_BYTES, false);
      return p === ABSENT ? null : p;
    },
    team: (slot) => dv.getInt32(slot * SLOT_BYTES + 4, false),
  };
}

/**
 * Writes `personal[i]`/`team[i]` at `slots[i]` over `base` (a copy; `base` is not changed), growing the split as
 * needed (new slots in between are ABSENT). `remove` slots become ABSENT. The result is trimmed of trailing ABSENT
 * slots, so equal splits have equal bytes.
 */
export function patchSplit(
  base: Uint8Array | null,
  set: { slots: ArrayLike<number>; personal: ArrayLike<number>; team: ArrayLike<number> },
  remove: ArrayLike<number> = [],
): Uint8Array {
  const n = set.slots.length;
  if (set.personal.length !== n || set.team.length !== n) throw new Error("patchSplit: columns of unequal length");
  let last = base ? splitSlots(base) - 1 : -1;
  for (let i = 0; i < n; i++) {
    const s = set.slots[i]!;
    checkSlot(s);
    if (s > last) last = s;
  }
  const out = new Uint8Array((last + 1) * SLOT_BYTES);
  const dv = view(out);
  const copied = base ? Math.min(base.length - (base.length % SLOT_BYTES), out.length) : 0;
  if (base) out.set(base.subarray(0, copied));
  for (let o = copied; o < out.length; o += SLOT_BYTES) dv.setInt32(o, ABSENT, false);
  for (let i = 0; i < remove.length; i++) {
    const s = remove[i]!;
    if (s >= 0 && s <= last) {
      dv.setInt32(s * SLOT_BYTES, ABSENT, false);
      dv.setInt32(s * SLOT_BYTES + 4, 0, false);
    }
  }
  for (let i = 0; i < n; i++) {
    const p = set.personal[i]!;
    const t = set.team[i]!;
    checkValue(p, "personal");
    checkValue(t, "team");
    const o = set.slots[i]! * SLOT_BYTES;
    dv.setInt32(o, p, false);
    dv.setInt32(o + 4, t, false);
  }
  let end = out.length;
  while (end >= SLOT_BYTES && dv.getInt32(end - SLOT_BYTES, false) === ABSENT) end -= SLOT_BYTES;
  return end === out.length ? out : out.slice(0, end);
}

/** A whole split from parallel columns (slot i's numbers at index i of each). */
export function encodeSplit(set: {
  slots: ArrayLike<number>;
  personal: ArrayLike<number>;
  team: ArrayLike<number>;
}): Uint8Array {
  return patchSplit(null, set);
}

/** Every targeted slot with its numbers, in slot order, as parallel columns. */
export function decodeSplit(split: Uint8Array): { slots: Int32Array; personal: Int32Array; team: Int32Array } {
  const total = splitSlots(split);
  const dv = view(split);
  let count = 0;
  for (let s = 0; s < total; s++) if (dv.getInt32(s * SLOT_BYTES, false) !== ABSENT) count++;
  const slots = new Int32Array(count);
  const personal = new Int32Array(count);
  const team = new Int32Array(count);
  let k = 0;
  for (let s = 0; s < total; s++) {
    const p = dv.getInt32(s * SLOT_BYTES, false);
    if (p === ABSENT) continue;
    slots[k] = s;
    personal[k] = p;
    team[k] = dv.getInt32(s * SLOT_BYTES + 4, false);
    k++;
  }
  return { slots, personal, team };
}

/**
 * Where each slot sits in a list of slots: `at[slot]` is its position, −1 where none is (and `slotAt` answers −1
 * past the end). One array index per lookup instead of a map of 100,000 ids.
 */
export function positionsBySlot(slots: ArrayLike<number>): { slotAt: (slot: number) => number } {
  let max = -1;
  for (let i = 0; i < slots.length; i++) if (slots[i]! > max) max = slots[i]!;
  const at = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < slots.length; i++) at[slots[i]!] = i;
  return { slotAt: (slot) => (slot >= 0 && slot <= max ? at[slot]! : -1) };
}
