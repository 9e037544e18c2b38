/**
 * The daily plan and the time check.
 *
 * `buildDailyPlan` turns what is still required (per activity) into a short list of actions for each remaining
 * working day, from `today` (inclusive, if it is a working day) to the deadline. A working day here is an *open*
 * day: a working weekday that is not in `closedDays` (team holidays, the member's own days off) — a closed day is
 * treated exactly like a weekday the team does not work, so nothing is ever planned on it. Guarantees:
 * - at most `maxActionsPerDay` (default 5) kinds of action are planned: the most important ones (higher `priority`
 *   first, then input order); the rest are listed in `omitted` and are never silently dropped from the time check;
 * - each planned action's remaining count is spread over the remaining working days in whole numbers that sum
 *   exactly to it; day k's running total is ceil(remaining · k / N), so any extra units fall on the earliest days
 *   (do it sooner, keep the slack at the end) and no two days differ by more than one;
 * - `today` is today's entry (null when today is not a working day or is past the deadline).
 * A plan aims at 3–5 actions a day, but it never invents work: a day shows only actions with a count above zero.
 *
 * The time check compares the minutes needed (every action with something remaining × its minutes per action) with
 * the minutes available (minutes per day × remaining working days). When it does not fit it says by how much
 * (in total and per day), the earliest deadline that would fit at the available minutes per day, and the fraction of
 * the work that fits by the deadline; `smallerTargetThatFits` turns that into the largest result target whose funnel
 * still fits.
 */
import { apportion } from "./apportion";
import { countOpenDayNumbers, fromDayNumber, isOpenDayNumber, nthOpenDayNumber, openDays, toDayNumber, type IsoDate } from "./calendar";
import { PlanningError, requireAmount } from "./errors";
import { planFunnel, type FunnelInput } from "./funnel";

export const MAX_ACTIONS_PER_DAY = 5;
export const MIN_ACTIONS_PER_DAY = 3;

export interface ActionRequirement {
  key: string;
  label?: string;
  /** Still to do before the deadline (whole number ≥ 0). */
  remaining: number;
  /** Minutes one action takes (≥ 0). */
  minutesPerAction: number;
  /** Higher is more important (default 0); ties keep input order. */
  priority?: number;
}

export interface DailyPlanInput {
  today: IsoDate;
  deadline: IsoDate;
  workingDays: readonly number[];
  /** Days nothing is planned on, whatever their weekday (team holidays, the member's days off). */
  closedDays?: readonly IsoDate[];
  actions: readonly ActionRequirement[];
  /** Minutes the member says they have per working day. */
  minutesPerDay: number;
  maxActionsPerDay?: number;
}

export interface DailyAction {
  key: string;
  label?: string;
  count: number;
  minutes: number;
}

export interface DailyPlanDay {
  date: IsoDate;
  actions: DailyAction[];
  minutes: number;
}

export interface TimeCheck {
  neededMinutes: number;
  availableMinutes: number;
  remainingWorkingDays: number;
  fits: boolean;
  /** Minutes over the available total (0 when it fits). */
  overByMinutes: number;
  /** The same spread over the remaining working days (rounded up). */
  overByMinutesPerDay: number;
  /** Minutes a day the whole requirement needs (rounded up); null with no working day left. */
  minutesPerDayNeeded: number | null;
  /** Minutes of the heaviest planned day. */
  busiestDayMinutes: number;
  /** Earliest date by which the work fits at `minutesPerDay` (null when it fits already or no time at all). */
  laterDeadline: IsoDate | null;
  /** Share of the work (0–1) that fits by the deadline. */
  fitFraction: number;
}

export interface DailyPlan {
  days: DailyPlanDay[];
  today: DailyPlanDay | null;
  /** Keys of the actions planned, most important first. */
  chosen: string[];
  /** Keys of actions with something remaining that did not make the cut. */
  omitted: string[];
  timeCheck: TimeCheck;
}

function checkMinutes(value: number, field: string, label: string) {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new PlanningError("invalid_minutes", `The ${label} must be a number of minutes ≥ 0 (got ${String(value)}).`, field);
  }
}

export function buildDailyPlan(input: DailyPlanInput): DailyPlan {
  const todayDn = toDayNumber(input.today, "today");
  const deadlineDn = toDayNumber(input.deadline, "deadline");
  const open = openDays({ workingDays: input.workingDays, closedDays: input.closedDays ?? [] });
  checkMinutes(input.minutesPerDay, "minutesPerDay", "time available per day");
  const maxActions = input.maxActionsPerDay ?? MAX_ACTIONS_PER_DAY;
  if (!Number.isInteger(maxActions) || maxActions < 1 || maxActions > 10) {
    throw new PlanningError("invalid_max_actions", `Actions per day must be a whole number from 1 to 10 (got ${maxActions}).`, "maxActionsPerDay");
  }
  const keys = new Set<string>();
  input.actions.forEach((a, i) => {
    if (keys.has(a.key)) throw new PlanningError("duplicate_action", `The action ${a.key} appears twice.`, `actions.${i}`);
    keys.add(a.key);
    requireAmount(a.remaining, `actions.${i}.remaining`, `remaining count of ${a.key}`);
    checkMinutes(a.minutesPerAction, `actions.${i}.minutesPerAction`, `minutes per ${a.key}`);
  });

  const n = countOpenDayNumbers(todayDn, deadlineDn, open);
  const dayNumbers: number[] = new Array<number>(n);
  for (let d = todayDn, k = 0; k < n; d++) if (isOpenDayNumber(d, open)) dayNumbers[k++] = d;

  const ranked = input.actions
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => a.remaining > 0)
    .sort((x, y) => (y.a.priority ?? 0) - (x.a.priority ?? 0) || x.i - y.i)
    .map(({ a }) => a);
  const chosenActions = ranked.slice(0, maxActions);
  const omitted = ranked.slice(maxActions).map((a) => a.key);

  const perAction = chosenActions.map((a) => frontSpread(a.remaining, n));
  const days: DailyPlanDay[] = dayNumbers.map((dn, k) => {
    const actions: DailyAction[] = [];
    let minutes = 0;
    chosenActions.forEach((a, j) => {
      const count = perAction[j]![k]!;
      if (count === 0) return;
      const m = count * a.minutesPerAction;
      const action: DailyAction = { key: a.key, count, minutes: m };
      if (a.label !== undefined) action.label = a.label;
      actions.push(action);
      minutes += m;
    });
    return { date: fromDayNumber(dn), actions, minutes };
  });

  const neededMinutes = input.actions.reduce((s, a) => s + a.remaining * a.minutesPerAction, 0);
  const availableMinutes = input.minutesPerDay * n;
  const fits = neededMinutes <= availableMinutes;
  const overByMinutes = fits ? 0 : neededMinutes - availableMinutes;
  let laterDeadline: IsoDate | null = null;
  if (!fits && input.minutesPerDay > 0) {
    const daysNeeded = Math.ceil(neededMinutes / input.minutesPerDay - 1e-9);
    laterDeadline = fromDayNumber(nthOpenDayNumber(todayDn, daysNeeded, open));
  }
  const timeCheck: TimeCheck = {
    neededMinutes,
    availableMinutes,
    remainingWorkingDays: n,
    fits,
    overByMinutes,
    overByMinutesPerDay: n > 0 ? Math.ceil(overByMinutes / n) : overByMinutes,
    minutesPerDayNeeded: n > 0 ? Math.ceil(neededMinutes / n) : null,
    busiestDayMinutes: days.reduce((m, d) => Math.max(m, d.minutes), 0),
    laterDeadline,
    fitFraction: neededMinutes > 0 ? Math.min(1, availableMinutes / neededMinutes) : 1,
  };

  const first = days[0];
  return {
    days,
    today: first !== undefined && first.date === input.today ? first : null,
    chosen: chosenActions.map((a) => a.key),
    omitted,
    timeCheck,
  };
}

/** `total` over `n` days, running total of day k = ceil(total·k/n): whole, exact sum, extras first. */
export function frontSpread(total: number, n: number): number[] {
  requireAmount(total, "total");
  if (n === 0) return []; // nothing to spread over: the time check reports it
  if (!Number.isSafeInteger(total * n)) return apportion(total, new Array<number>(n).fill(1));
  const out = new Array<number>(n);
  let prev = 0;
  for (let k = 1; k <= n; k++) {
    const cum = Math.floor((total * k + n - 1) / n);
    out[k - 1] = cum - prev;
    prev = cum;
  }
  return out;
}

export interface SmallerTargetInput {
  funnel: FunnelInput;
  /** Already done per stage key in this period. */
  done?: Readonly<Record<string, number>>;
  /** Minutes per action per stage key (missing = 0). */
  minutesPerAction: Readonly<Record<string, number>>;
  availableMinutes: number;
}

/** Minutes still needed to reach `resultTarget` through the funnel, given what is done. */
export function minutesForResult(input: SmallerTargetInput, resultTarget: number): number {
  const plan = planFunnel({ ...input.funnel, target: resultTarget });
  let minutes = 0;
  for (const stage of plan.stages) {
    const left = Math.max(0, stage.required - (input.done?.[stage.key] ?? 0));
    minutes += left * (input.minutesPerAction[stage.key] ?? 0);
  }
  return minutes;
}

/**
 * The largest result target ≤ `funnel.target` whose remaining activity fits in `availableMinutes`
 * (binary search; the minutes needed never fall as the target rises). Returns the target and its minutes.
 */
export function smallerTargetThatFits(input: SmallerTargetInput): { target: number; minutes: number } {
  checkMinutes(input.availableMinutes, "availableMinutes", "time available");
  for (const [key, m] of Object.entries(input.minutesPerAction)) checkMinutes(m, `minutesPerAction.${key}`, `minutes per ${key}`);
  let lo = 0;
  let hi = requireAmount(input.funnel.target, "funnel.target", "result target");
  if (minutesForResult(input, hi) <= input.availableMinutes) return { target: hi, minutes: minutesForResult(input, hi) };
  while (lo < hi) {
    const mid = Math.floor((lo + hi + 1) / 2);
    if (minutesForResult(input, mid) <= input.availableMinutes) lo = mid;
    else hi = mid - 1;
  }
  return { target: lo, minutes: minutesForResult(input, lo) };
}
