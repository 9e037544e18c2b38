/**
 * The month from last month: next period's target proposed from last period's actual and a stretch percentage,
 * rounded to a number that is easy to say out loud.
 */
import { PlanningError, requireAmount } from "./errors";

export type TargetUnit = "money" | "count";

export interface ProposedTarget {
  /** The proposed target (whole minor units or whole count). */
  target: number;
  /** lastActual × (1 + stretch%), before rounding. */
  unrounded: number;
  /** The step it was rounded to. */
  step: number;
}

/**
 * Next period's target from last period's actual and a stretch percentage ("aim 10% higher" → 10).
 * Rounding, so the number is easy to say out loud:
 * - `count`: to a whole number (step 1);
 * - `money` (minor units): to a "nice" step of 1, 2 or 5 × 10ᵏ minor units that is at most 1% of the amount and
 *   never below one major unit (`minorUnitsPerMajor`, default 100) — £52,345.67 becomes £52,500, £5,000 × 1.1
 *   is £5,500.
 * With a stretch ≥ 0 it rounds up, so the proposal is never below last period's actual; with a negative stretch it
 * rounds to the nearest step and never above the actual. Stretch must be between −100 and 1000 (%).
 */
export function proposeNextTarget(
  lastActual: number,
  stretchPercent: number,
  unit: TargetUnit,
  options: { minorUnitsPerMajor?: number } = {},
): ProposedTarget {
  requireAmount(lastActual, "lastActual", "last period's actual");
  if (
    typeof stretchPercent !== "number" ||
    !Number.isFinite(stretchPercent) ||
    stretchPercent < -100 ||
    stretchPercent > 1000
  ) {
    throw new PlanningError(
      "invalid_stretch",
      `The stretch must be a percentage between −100 and 1000 (got ${String(stretchPercent)}).`,
      "stretchPercent",
    );
  }
  if (unit !== "money" && unit !== "count") {
    throw new PlanningError("invalid_unit", `The unit must be money or count (got ${JSON.stringify(unit)}).`, "unit");
  }
  const minor = requireAmount(options.minorUnitsPerMajor ?? 100, "minorUnitsPerMajor", "minor units per major unit", 1);

  let unrounded = (lastActual * (100 + stretchPercent)) / 100;
  // Snap away floating dust (10 × 1.1 = 11.000000000000002) before rounding up.
  const nearest = Math.round(unrounded);
  if (Math.abs(unrounded - nearest) <= 1e-9 * Math.max(1, Math.abs(unrounded))) unrounded = nearest;

  const step = unit === "count" ? 1 : Math.max(minor, niceStepAtMost(unrounded / 100));
  let target: number;
  if (stretchPercent >= 0) {
    target = Math.ceil(unrounded / step) * step;
    if (target < lastActual) target = lastActual;
  } else {
    target = Math.round(unrounded / step) * step;
    if (target > lastActual) target = lastActual;
  }
  if (!Number.isSafeInteger(target)) {
    throw new PlanningError("invalid_amount", "That target is too large to represent.", "lastActual");
  }
  return { target, unrounded, step };
}

/** Largest 1, 2 or 5 × 10ᵏ (k ≥ 0) that is ≤ x (1 for x < 1). */
function niceStepAtMost(x: number): number {
  if (!(x >= 1)) return 1;
  let p = 10 ** Math.floor(Math.log10(x));
  if (p > x) p /= 10; // guard log10 rounding
  if (p * 10 <= x) p *= 10;
  if (5 * p <= x) return 5 * p;
  if (2 * p <= x) return 2 * p;
  return p;
}
