/**
 * Splitting a phased team plan among members so that both directions agree exactly.
 *
 * "Phasing then cascading equals cascading then phasing": the team target is phased into daily increments
 * (`phasing.ts`) and cascaded into member shares (`cascade.ts`); `splitIncrements` fills the member × day table so
 * that, exactly and for every input:
 * - each day's column sums to the team's planned increment that day (so every week and month matches too);
 * - each member's row sums to their share (their cascaded target);
 * - every cell is a whole number ≥ 0, and a day on which the team plans 0 (a non-working day) is 0 for everyone,
 *   so each member's running total never decreases;
 * - a member's running total never exceeds ⌈share · C/T⌉, where C is the team's running total and T the total, and
 *   is normally at least ⌊share · C/T⌋ ("within one unit of their exact proportional share"). Holding both bounds on
 *   every day is not always possible once earlier days are fixed (the Alabama paradox of quota rounding); on such a
 *   day the units go to the members furthest below their share and the lower bound slips, by one unit in every case
 *   the property tests and a 300,000-case probe found (about 1 in 100,000 random plans), until a later day repairs it.
 *
 * By contrast, phasing each member's share on its own gives the same shape but each member rounds separately, so
 * per day the members' sum can drift from the team plan by up to about half a unit per member; use this module when
 * the numbers must add up on screen.
 *
 * Algorithm, per day with a positive team increment c (running total C): every member starts at
 * max(⌊share·C/T⌋, yesterday's total); the units still needed go, one each, to the members with the largest
 * fractional part of share·C/T who are not already at the ceiling (exact integer arithmetic, ties by index). If that
 * cannot add up, the c units are shared by largest remainder in proportion to how far each member is below their
 * exact share, capped at what each member still has to do. On the last planned day everyone gets exactly the rest.
 * O(days × members × log members).
 */
import { apportion } from "./apportion";
import { PlanningError, requireAmount } from "./errors";
import type { PhasedPlan, PlanDay } from "./phasing";

/** a·b = q·c + r with 0 ≤ r < c, exactly (BigInt only when a·b is not a safe integer). */
function mulDivMod(a: number, b: number, c: number): [number, number] {
  const prod = a * b;
  if (Number.isSafeInteger(prod)) {
    let q = Math.floor(prod / c);
    let r = prod - q * c;
    if (r < 0) {
      q -= 1;
      r += c;
    } else if (r >= c) {
      q += 1;
      r -= c;
    }
    return [q, r];
  }
  const big = BigInt(a) * BigInt(b);
  const bc = BigInt(c);
  return [Number(big / bc), Number(big % bc)];
}

/**
 * Member × day table: `rows[i][d]` is member i's increment on day d. `increments` is the team plan per day,
 * `shares` each member's total; both must be whole numbers ≥ 0 with equal sums.
 */
export function splitIncrements(increments: readonly number[], shares: readonly number[]): number[][] {
  increments.forEach((x, d) => requireAmount(x, `increments.${d}`, "daily increment"));
  shares.forEach((x, i) => requireAmount(x, `shares.${i}`, "member share"));
  const total = increments.reduce((s, x) => s + x, 0);
  const shareSum = shares.reduce((s, x) => s + x, 0);
  if (total !== shareSum) {
    throw new PlanningError(
      "split_mismatch",
      `The members' shares add up to ${shareSum} but the plan adds up to ${total}.`,
      "shares",
    );
  }
  const n = shares.length;
  const days = increments.length;
  const rows: number[][] = shares.map(() => new Array<number>(days).fill(0));
  if (total === 0) return rows;

  const x = new Array<number>(n).fill(0); // running totals
  const low = new Array<number>(n).fill(0);
  const floorQ = new Array<number>(n).fill(0);
  const remQ = new Array<number>(n).fill(0);
  let running = 0;

  for (let d = 0; d < days; d++) {
    const c = increments[d]!;
    if (c === 0) continue;
    running += c;
    if (running === total) {
      for (let i = 0; i < n; i++) {
        rows[i]![d] = shares[i]! - x[i]!;
        x[i] = shares[i]!;
      }
      continue;
    }
    let lowSum = 0;
    for (let i = 0; i < n; i++) {
      const [q, r] = mulDivMod(shares[i]!, running, total);
      floorQ[i] = q;
      remQ[i] = r;
      low[i] = Math.max(q, x[i]!);
      lowSum += low[i]!;
    }
    let next: number[] | null = null;
    if (lowSum <= running) {
      const candidates: number[] = [];
      for (let i = 0; i < n; i++) if (low[i] === floorQ[i] && remQ[i]! > 0) candidates.push(i);
      const need = running - lowSum;
      if (need <= candidates.length) {
        candidates.sort((a, b) => remQ[b]! - remQ[a]! || a - b);
        next = low.slice();
        for (let k = 0; k < need; k++) next[candidates[k]!]! += 1;
      }
    }
    if (next === null) next = fallback(shares, x, running, total, c);
    for (let i = 0; i < n; i++) {
      rows[i]![d] = next[i]! - x[i]!;
      x[i] = next[i]!;
    }
  }
  return rows;
}

/** Share c units by how far each member is below their exact share, capped at what they still have to do. */
function fallback(
  shares: readonly number[],
  x: readonly number[],
  running: number,
  total: number,
  c: number,
): number[] {
  const n = shares.length;
  const deficit = new Array<number>(n);
  for (let i = 0; i < n; i++) deficit[i] = Math.max(0, (shares[i]! * running) / total - x[i]!);
  const room = shares.map((s, i) => s - x[i]!);
  const anyDeficit = deficit.some((v) => v > 0);
  const give = apportion(c, anyDeficit ? deficit : room);
  // Cap at room; hand any excess to members with room left, largest deficit first.
  let excess = 0;
  for (let i = 0; i < n; i++) {
    if (give[i]! > room[i]!) {
      excess += give[i]! - room[i]!;
      give[i] = room[i]!;
    }
  }
  if (excess > 0) {
    const order = [...Array(n).keys()].sort((a, b) => deficit[b]! - deficit[a]! || a - b);
    for (const i of order) {
      if (excess === 0) break;
      const take = Math.min(excess, room[i]! - give[i]!);
      give[i]! += take;
      excess -= take;
    }
  }
  return x.map((v, i) => v + give[i]!);
}

export interface MemberPlan {
  id: string;
  share: number;
  /** The member's own daily plan: increments and running totals starting from 0. */
  days: PlanDay[];
}

/**
 * Splits a phased team plan among members (shares must add up to target − baseline). Each member's days follow the
 * team's days; see `splitIncrements` for the guarantees.
 */
export function splitPhasedPlan(
  plan: Pick<PhasedPlan, "days">,
  members: readonly { id: string; share: number }[],
): MemberPlan[] {
  const rows = splitIncrements(
    plan.days.map((d) => d.increment),
    members.map((m) => m.share),
  );
  return members.map((m, i) => {
    let cumulative = 0;
    const row = rows[i]!;
    return {
      id: m.id,
      share: m.share,
      days: plan.days.map((d, k) => {
        cumulative += row[k]!;
        return { date: d.date, working: d.working, increment: row[k]!, cumulative };
      }),
    };
  });
}
