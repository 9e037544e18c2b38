/**
 * Checkpoint resolution for custom curves (phasing.ts): each checkpoint — a date, weeks to go or days to go — becomes
 * a date with its cumulative and days to go, and is checked against the start, the deadline, the baseline, the
 * target and the other checkpoints.
 */
import { fromDayNumber, toDayNumber } from "./calendar";
import { PlanningError, requireAmount } from "./errors";
import type { CheckpointInput, PhasingInput, ResolvedCheckpoint } from "./phasing";

/**
 * Checks a custom curve's checkpoints against the plan (see the top of phasing.ts for the rules) and resolves each to
 * a date, sorted by date.
 */
export function resolveCheckpoints(
  inputs: readonly CheckpointInput[],
  input: PhasingInput,
  startDn: number,
  deadlineDn: number,
  baseline: number,
  target: number,
  fmt: (a: number) => string,
): ResolvedCheckpoint[] {
  if (!Array.isArray(inputs)) {
    throw new PlanningError("invalid_checkpoint", "A custom curve needs a list of checkpoints.", "curve.checkpoints");
  }
  const resolved: { dn: number; cumulative: number }[] = [];
  inputs.forEach((cp, i) => {
    const field = `curve.checkpoints.${i}`;
    let dn: number;
    let desc: string;
    if ("date" in cp) {
      dn = toDayNumber(cp.date, "checkpoint date");
      desc = `The checkpoint for ${cp.date}`;
    } else if ("weeksToGo" in cp) {
      requireAmount(cp.weeksToGo, field, "number of weeks to go");
      dn = deadlineDn - 7 * cp.weeksToGo;
      desc = `The checkpoint ${cp.weeksToGo === 1 ? "one week" : `${cp.weeksToGo} weeks`} before the deadline (${fromDayNumberSafe(dn)})`;
    } else if ("daysToGo" in cp) {
      requireAmount(cp.daysToGo, field, "number of days to go");
      dn = deadlineDn - cp.daysToGo;
      desc = `The checkpoint ${cp.daysToGo} day${cp.daysToGo === 1 ? "" : "s"} before the deadline (${fromDayNumberSafe(dn)})`;
    } else {
      throw new PlanningError("invalid_checkpoint", "Each checkpoint needs a date, weeksToGo or daysToGo.", field);
    }
    requireAmount(cp.cumulative, field, "checkpoint amount");
    if (dn > deadlineDn) {
      throw new PlanningError("checkpoint_after_deadline", `${desc} is after the deadline (${input.deadline}).`, field);
    }
    if (dn < startDn) {
      throw new PlanningError("checkpoint_before_start", `${desc} is before the start (${input.start}).`, field);
    }
    if (cp.cumulative > target) {
      throw new PlanningError(
        "checkpoint_above_target",
        `${desc} (${fmt(cp.cumulative)}) is above the target (${fmt(target)}).`,
        field,
      );
    }
    if (cp.cumulative < baseline) {
      throw new PlanningError(
        "checkpoint_below_baseline",
        `${desc} (${fmt(cp.cumulative)}) is below what is already achieved (${fmt(baseline)}).`,
        field,
      );
    }
    if (dn === deadlineDn && cp.cumulative !== target) {
      throw new PlanningError(
        "checkpoint_at_deadline",
        `${desc} falls on the deadline, so it must equal the target (${fmt(target)}), not ${fmt(cp.cumulative)}.`,
        field,
      );
    }
    resolved.push({ dn, cumulative: cp.cumulative });
  });
  resolved.sort((a, b) => a.dn - b.dn);
  for (let i = 1; i < resolved.length; i++) {
    const a = resolved[i - 1]!;
    const b = resolved[i]!;
    if (a.dn === b.dn) {
      throw new PlanningError(
        "checkpoints_same_day",
        `Two checkpoints fall on ${fromDayNumber(a.dn)}; keep one.`,
        "curve.checkpoints",
      );
    }
    if (b.cumulative < a.cumulative) {
      throw new PlanningError(
        "checkpoints_out_of_order",
        `The checkpoints go down over time: ${fmt(a.cumulative)} by ${fromDayNumber(a.dn)} but only ${fmt(b.cumulative)} by ${fromDayNumber(b.dn)}.`,
        "curve.checkpoints",
      );
    }
  }
  return resolved.map((r) => ({ date: fromDayNumber(r.dn), cumulative: r.cumulative, daysToGo: deadlineDn - r.dn }));
}

function fromDayNumberSafe(dn: number): string {
  try {
    return fromDayNumber(dn);
  } catch {
    return "an impossible date";
  }
}
