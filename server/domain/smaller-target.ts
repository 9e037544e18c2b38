/**
 * The smaller target that fits: when a member's daily plan does not fit in their minutes a day, the largest result
 * target whose funnel (funnel.ts) fits by the daily plan's own rule — its busiest day fits (see daily-plan.ts).
 */
import { calendarOf, checkMinutes, type DailyPlanInput } from "./daily-plan";
import { requireAmount } from "./errors";
import { planFunnel, type FunnelInput } from "./funnel";
import { dayLoads, fitsIn, type Spreadable } from "./spread";

export interface SmallerTargetInput {
  funnel: FunnelInput;
  /** Already done per stage key in this period (from the plan's start to yesterday). */
  done?: Readonly<Record<string, number>>;
  /** Minutes per action per stage key (missing = 0). */
  minutesPerAction: Readonly<Record<string, number>>;
  /** The days and the minutes a day the target must fit in (the daily plan's calendar). */
  plan: Pick<DailyPlanInput, "today" | "deadline" | "workingDays" | "closedDays" | "start" | "minutesPerDay">;
}

/** What remains of each funnel stage for `resultTarget`, as actions in funnel order. */
function stageItems(input: SmallerTargetInput, resultTarget: number): Spreadable[] {
  const plan = planFunnel({ ...input.funnel, target: resultTarget });
  return plan.stages.map((stage, index) => {
    const done = input.done?.[stage.key] ?? 0;
    return {
      remaining: Math.max(0, stage.required - done),
      done,
      minutesPerAction: input.minutesPerAction[stage.key] ?? 0,
      index,
      of: plan.stages.length,
    };
  });
}

const totalMinutes = (items: readonly Spreadable[]) => items.reduce((s, a) => s + a.remaining * a.minutesPerAction, 0);

/** Minutes still needed to reach `resultTarget` through the funnel, given what is done. */
export function minutesForResult(input: SmallerTargetInput, resultTarget: number): number {
  return totalMinutes(stageItems(input, resultTarget));
}

/** How many targets below the average bound are tried one by one before settling for the guaranteed one. */
const SMALLER_TARGET_SCAN = 500;

/**
 * The largest result target ≤ `funnel.target` whose daily plan's busiest day fits in the minutes a day — the same
 * rule as the time check. Targets whose total minutes exceed the minutes available never fit (the busiest day is at
 * least the average); those whose every action at its per-day ceiling fits always do; between the two, targets are
 * tried from the top (at most SMALLER_TARGET_SCAN of them). Returns the target, its total minutes and its busiest day.
 */
export function smallerTargetThatFits(input: SmallerTargetInput): {
  target: number;
  minutes: number;
  busiestDayMinutes: number;
} {
  const { minutesPerDay } = input.plan;
  checkMinutes(minutesPerDay, "minutesPerDay", "time available per day");
  for (const [key, m] of Object.entries(input.minutesPerAction))
    checkMinutes(m, `minutesPerAction.${key}`, `minutes per ${key}`);
  const { n, elapsed } = calendarOf(input.plan);
  const top = requireAmount(input.funnel.target, "funnel.target", "result target");
  const result = (target: number) => {
    const items = stageItems(input, target);
    const loads = dayLoads(items, n, elapsed);
    return { target, minutes: totalMinutes(items), busiestDayMinutes: loads.reduce((m, x) => Math.max(m, x), 0) };
  };
  /** The largest target in [0, top] for which the monotone test holds (it holds at 0: nothing to do). */
  const largest = (ok: (items: Spreadable[]) => boolean) => {
    let lo = 0;
    let hi = top;
    while (lo < hi) {
      const mid = Math.floor((lo + hi + 1) / 2);
      if (ok(stageItems(input, mid))) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const upper = largest((items) => totalMinutes(items) <= minutesPerDay * n);
  if (n === 0) return result(upper);
  const sure = largest(
    (items) => items.reduce((s, a) => s + Math.ceil(a.remaining / n) * a.minutesPerAction, 0) <= minutesPerDay,
  );
  for (let t = upper, tries = 0; t > sure && tries < SMALLER_TARGET_SCAN; t--, tries++) {
    const items = stageItems(input, t);
    if (fitsIn(items, n, elapsed, minutesPerDay, totalMinutes(items))) return result(t);
  }
  return result(sure);
}
