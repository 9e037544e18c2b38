/**
 * Splitting a whole number into whole parts.
 *
 * Guarantees (for a total that is a non-negative safe integer and finite non-negative weights):
 * - `apportion` — the largest-remainder (Hamilton) method: every part is its exact quota `total·wᵢ/Σw` rounded down
 *   or up, the parts sum to `total` exactly, a zero weight gets zero, and ties go to the lower index. Deterministic.
 *   Exact integer arithmetic when the weights are integers and `total·Σw` is a safe integer; otherwise floating
 *   quotas with a final correction, so the sum is exact in every case. O(n log n).
 * - `apportionCumulative` — for ordered series (days of a plan): the running totals are rounded (half up) instead
 *   of the parts, so every running total is within ½ of its exact value, parts are never negative, a zero weight
 *   gets zero, and the parts sum to `total` exactly. O(n).
 * - Both throw `PlanningError` for a negative or fractional total, a negative or non-finite weight, or a positive
 *   total with nothing (no positive weight) to put it on (`no_weight`).
 */
import { PlanningError, requireAmount } from "./errors";

function checkWeights(total: number, weights: readonly number[]): number {
  requireAmount(total, "total");
  let sum = 0;
  for (const w of weights) {
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new PlanningError("invalid_weight", `Weights must be finite numbers ≥ 0 (got ${String(w)}).`, "weights");
    }
    sum += w;
  }
  if (total > 0 && !(sum > 0)) {
    throw new PlanningError("no_weight", `There is nothing to split ${total} over: every weight is zero.`, "weights");
  }
  return sum;
}

/**
 * Largest-remainder apportionment of `total` in proportion to `weights`.
 * `apportion(10, [1, 1, 1])` → `[4, 3, 3]`.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  const sum = checkWeights(total, weights);
  const parts = new Array<number>(n).fill(0);
  if (total === 0) return parts;

  let allIntegers = Number.isSafeInteger(sum);
  for (let i = 0; allIntegers && i < n; i++) allIntegers = Number.isInteger(weights[i]);

  // Remainders, compared to pick who gets the leftover units.
  const rem = new Float64Array(n);
  let assigned = 0;
  if (allIntegers && Number.isSafeInteger(total * sum)) {
    // Exact: quota = total·w/sum = q + r/sum with integers q and 0 ≤ r < sum.
    for (let i = 0; i < n; i++) {
      const num = total * weights[i]!;
      const q = Math.floor(num / sum);
      let r = num - q * sum;
      let qq = q;
      if (r < 0) {
        qq -= 1;
        r += sum;
      } else if (r >= sum) {
        qq += 1;
        r -= sum;
      }
      parts[i] = qq;
      rem[i] = r;
      assigned += qq;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      if (w === 0) continue;
      const quota = (total * w) / sum;
      const q = Math.floor(quota);
      parts[i] = q;
      rem[i] = quota - q;
      assigned += q;
    }
  }

  let leftover = total - assigned;
  if (leftover === 0) return parts;
  // Only positive weights take part; order by remainder (largest first), ties by index.
  let positive = 0;
  for (let i = 0; i < n; i++) if (weights[i]! > 0) positive++;
  if (leftover > 0 && leftover <= positive) {
    // The usual case, without a comparator sort: find the leftover-th largest remainder with a typed-array sort,
    // give one unit to everything above it and to the lowest indexes sitting exactly on it.
    const sorted = new Float64Array(positive);
    for (let i = 0, k = 0; i < n; i++) if (weights[i]! > 0) sorted[k++] = rem[i]!;
    sorted.sort();
    const threshold = sorted[positive - leftover]!;
    for (let i = 0; i < n; i++) {
      if (weights[i]! > 0 && rem[i]! > threshold) {
        parts[i]! += 1;
        leftover--;
      }
    }
    for (let i = 0; i < n && leftover > 0; i++) {
      if (weights[i]! > 0 && rem[i] === threshold) {
        parts[i]! += 1;
        leftover--;
      }
    }
    return parts;
  }
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (weights[i]! > 0) order.push(i);
  order.sort((a, b) => rem[b]! - rem[a]! || a - b);
  // leftover < number of positive weights in exact arithmetic; the loops only matter after floating error.
  while (leftover > 0) {
    for (let k = 0; k < order.length && leftover > 0; k++) {
      parts[order[k]!]! += 1;
      leftover--;
    }
  }
  while (leftover < 0) {
    let changed = false;
    for (let k = order.length - 1; k >= 0 && leftover < 0; k--) {
      const i = order[k]!;
      if (parts[i]! > 0) {
        parts[i]! -= 1;
        leftover++;
        changed = true;
      }
    }
    if (!changed) break; // unreachable: the parts sum to more than total, so some part is positive
  }
  return parts;
}

/** `total` split as evenly as possible over `n` parts (the first `total mod n` parts get one more). */
export function splitEvenly(total: number, n: number): number[] {
  requireAmount(n, "count", "number of parts");
  requireAmount(total, "total");
  if (n === 0) {
    if (total > 0) throw new PlanningError("no_weight", `There is nothing to split ${total} over.`, "weights");
    return [];
  }
  const q = Math.floor(total / n);
  const r = total - q * n;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i < r ? q + 1 : q;
  return out;
}

/**
 * Cumulative rounding of `total` over an ordered series in proportion to `weights`: running total k is
 * `round(total · (w₀+…+w_k) / Σw)` (half up), the last running total is exactly `total`, and part k is the
 * difference of consecutive running totals. Use for plans over time, where the running total is what people see.
 * `apportionCumulative(10, [1, 1, 1])` → `[3, 4, 3]`.
 */
export function apportionCumulative(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  const sum = checkWeights(total, weights);
  const parts = new Array<number>(n).fill(0);
  if (total === 0) return parts;
  let lastPositive = -1;
  for (let i = 0; i < n; i++) if (weights[i]! > 0) lastPositive = i;

  let prefix = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    prefix += w;
    let cum: number;
    if (i === lastPositive) cum = total;
    else {
      cum = Math.floor((total * prefix) / sum + 0.5);
      if (cum > total) cum = total;
      if (cum < prev) cum = prev;
    }
    parts[i] = cum - prev;
    prev = cum;
  }
  return parts;
}

/** Running totals of `parts`, starting from `start`. */
export function runningTotals(parts: readonly number[], start = 0): number[] {
  const out = new Array<number>(parts.length);
  let acc = start;
  for (let i = 0; i < parts.length; i++) {
    acc += parts[i]!;
    out[i] = acc;
  }
  return out;
}
