/**
 * The daily plan and the time check.
 *
 * `buildDailyPlan` turns what is still required (per activity) into a short list of actions for each remaining
 * working day, from `today` (inclusive, if it is a working day) to the deadline. A working day here is an *open*
 * day: a working weekday that is not in `closedDays` (team holidays, the member's own days off) — a closed day is
 * treated exactly like a weekday the team does not work, so nothing is ever planned on it. Guarantees:
 * - at most `maxActionsPerDay` (default 5) kinds of action are planned: the most important ones (higher `priority`
 *   first, then input order); the rest are listed in `omitted` and are never silently dropped from the time check;
 * - each action's remaining count is spread over the remaining working days in WHOLE actions that sum exactly to it
 *   (`evenSpread`): day i's running total is floor(remaining · i / N + phase) for a phase in [0, 1), so every day
 *   gets ⌊remaining / N⌋ or one more, the running total never runs ahead of or behind the even line by a whole
 *   action, and an action needed fewer times than there are days is 0 on the other days — 5 deals over 56 days
 *   are 1 on 5 evenly spaced days, never 1 every day;
 * - the phase keeps the plan steady from one day to the next. The plan is rebuilt every day from what is left, so a
 *   phase fixed to "extras first" would put 1 of every rare action on today every day, and a fixed "round" would
 *   push them all to the last days. With `start` (the plan's first day) and each action's `done`, the phase is where
 *   today falls on the whole plan's even grid: an action done as planned so far is due exactly when the whole
 *   plan's grid says; a shortfall (or a lead) is spread over the remaining days at the same spacing, never piled
 *   on today — an action behind by one is not asked for every day until it is caught up.
 *   Actions are staggered (action j of K has grid offset (j + ½) / K), so two rare actions needed equally often do
 *   not fall on the same days;
 * - `today` is today's entry (null when today is not a working day or is past the deadline).
 * A plan aims at 3–5 actions a day, but it never invents work: a day shows only actions with a count above zero.
 *
 * The time check looks at the BUSIEST day, not the average: each day's minutes are Σ count × minutes per action over
 * every action with something remaining (omitted ones included), and the plan fits when the busiest day fits in
 * the member's minutes a day. When it does not fit it says by how much, a later deadline by which the busiest day
 * fits (the open day before it does not), and `smallerTargetThatFits` gives the largest result target whose funnel
 * fits by the same rule.
 */
import { apportion } from "./apportion";
import {
  countOpenDayNumbers,
  countWorkingDayNumbers,
  fromDayNumber,
  isOpenDayNumber,
  nthOpenDayNumber,
  openDays,
  toDayNumber,
  type IsoDate,
  type OpenDays,
} from "./calendar";
import { PlanningError, requireAmount } from "./errors";
import { planFunnel, type FunnelInput } from "./funnel";

export const MAX_ACTIONS_PER_DAY = 5;
export const MIN_ACTIONS_PER_DAY = 3;
/** How far past the deadline (in open days) a later deadline is looked for; one further out is not worth proposing. */
export const LATER_DEADLINE_SEARCH_DAYS = 732;

export interface ActionRequirement {
  key: string;
  label?: string;
  /** Still to do before the deadline (whole number ≥ 0). */
  remaining: number;
  /** Already done from the plan's `start` to yesterday (whole number ≥ 0; only used with `start`, default 0). */
  done?: number;
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
  /**
   * The plan's first day (e.g. the goal's start). With it each action continues the whole plan's even grid (see the
   * top of this file); without it today is the plan's first day.
   */
  start?: IsoDate;
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
  /** The planned (at most `maxActionsPerDay` kinds) actions due that day, count > 0 each. */
  actions: DailyAction[];
  /** Minutes of `actions`. */
  minutes: number;
}

export interface TimeCheck {
  neededMinutes: number;
  availableMinutes: number;
  remainingWorkingDays: number;
  /** The busiest day fits in the minutes a day (with no working day left: nothing is needed). */
  fits: boolean;
  /** Minutes over the member's minutes a day, summed over the days that do not fit (0 when it fits). */
  overByMinutes: number;
  /** How far the busiest day is over the minutes a day (0 when it fits). */
  overByMinutesPerDay: number;
  /** Minutes a day the plan needs: those of its busiest day; null with no working day left. */
  minutesPerDayNeeded: number | null;
  /** Minutes of the busiest day (every action with something remaining, omitted ones included). */
  busiestDayMinutes: number;
  /** Minutes of a typical day (the median day). */
  typicalDayMinutes: number;
  /** A date by which the busiest day fits at `minutesPerDay` (the open day before it does not); null when it fits already or nothing later fits. */
  laterDeadline: IsoDate | null;
  /** Share of the work (0–1) that fits by the deadline, in total minutes. */
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
    throw new PlanningError(
      "invalid_minutes",
      `The ${label} must be a number of minutes ≥ 0 (got ${String(value)}).`,
      field,
    );
  }
}

/** A phase in [0, 1) as the fraction num / den (whole numbers, 0 ≤ num < den). */
export interface Phase {
  num: number;
  den: number;
}

export const HALF: Phase = { num: 1, den: 2 };

/** An action being spread: its place among the input actions and, with a start, how many open days are behind. */
interface Spreadable {
  remaining: number;
  done: number;
  minutesPerAction: number;
  /** Position among the input actions (its grid offset) and their number. */
  index: number;
  of: number;
}

/**
 * The phase of one action over `n` days: its grid offset (index + ½) / of, and with `elapsed` working days of the
 * plan behind today, where today falls on the whole plan's grid: the fractional part of
 * total · elapsed / (elapsed + n) + offset − done. Whole units behind or ahead of the grid do not move the phase:
 * they are spread over the remaining days like the rest (a higher or lower rate), never piled on today.
 */
function phaseOf(a: Spreadable, n: number, elapsed: number | null): Phase {
  if (elapsed === null || elapsed === 0) return { num: 2 * a.index + 1, den: 2 * a.of };
  const whole = elapsed + n;
  const den = 2 * a.of * whole;
  const num = (a.done + a.remaining) * elapsed * 2 * a.of + (2 * a.index + 1) * whole - a.done * den;
  return { num: ((num % den) + den) % den, den };
}

/**
 * `total` whole units over `n` days: day i's running total is floor(total · i / n + phase). Exact sum, every day
 * ⌊total / n⌋ or one more, and each running total within one unit of the even line total · i / n (at most `phase`
 * above it, less than 1 − phase below). Phase ½ (the default) rounds the even line to the nearest whole number.
 */
export function evenSpread(total: number, n: number, phase: Phase = HALF): number[] {
  requireAmount(total, "total");
  const { num, den } = phase;
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num < 0 || den < 1 || num >= den) {
    throw new PlanningError("invalid_phase", `A phase must be a fraction in [0, 1) (got ${num}/${den}).`, "phase");
  }
  if (n === 0) return []; // nothing to spread over: the time check reports it
  const out = new Array<number>(n);
  const bottom = n * den;
  if (Number.isSafeInteger(total * n * den + num * n + bottom)) {
    let prev = 0;
    for (let i = 1; i <= n; i++) {
      const top = total * i * den + num * n;
      const cum = (top - (top % bottom)) / bottom;
      out[i - 1] = cum - prev;
      prev = cum;
    }
    return out;
  }
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(n)) return apportion(total, new Array<number>(n).fill(1));
  const [t, b, p, nn] = [BigInt(total), BigInt(bottom), BigInt(num), BigInt(n)];
  let prev = 0n;
  for (let i = 1; i <= n; i++) {
    const cum = (t * BigInt(i) * BigInt(den) + p * nn) / b;
    out[i - 1] = Number(cum - prev);
    prev = cum;
  }
  return out;
}

/** Minutes of each of `n` days when every action in `items` is spread over them (as `evenSpread` does). */
function dayLoads(items: readonly Spreadable[], n: number, elapsed: number | null): number[] {
  const loads = new Array<number>(n).fill(0);
  for (const a of items) {
    if (a.remaining === 0 || a.minutesPerAction === 0) continue;
    const phase = phaseOf(a, n, elapsed);
    const bottom = n * phase.den;
    if (!Number.isSafeInteger(a.remaining * bottom + phase.num * n + bottom)) {
      const counts = evenSpread(a.remaining, n, phase);
      for (let i = 0; i < n; i++) loads[i]! += counts[i]! * a.minutesPerAction;
      continue;
    }
    // The running total's numerator grows by remaining·den a day; a day's count is how many times it passes `bottom`.
    const step = a.remaining * phase.den;
    const whole = Math.floor(step / bottom);
    const rest = step - whole * bottom;
    let carry = phase.num * n;
    for (let i = 0; i < n; i++) {
      carry += rest;
      let count = whole;
      if (carry >= bottom) {
        carry -= bottom;
        count++;
      }
      loads[i]! += count * a.minutesPerAction;
    }
  }
  return loads;
}

/** True when the busiest of `n` open days fits in `minutesPerDay` (with no day: only when nothing is needed). */
function fitsIn(
  items: readonly Spreadable[],
  n: number,
  elapsed: number | null,
  minutesPerDay: number,
  neededMinutes: number,
): boolean {
  if (n === 0) return neededMinutes === 0;
  if (neededMinutes > minutesPerDay * n) return false; // the busiest day is at least the average
  // Each action is at most ⌈k/n⌉ a day and reaches it on some day: bounds that settle most cases without the days.
  let ceilings = 0;
  for (const a of items) {
    const most = Math.ceil(a.remaining / n) * a.minutesPerAction;
    if (most > minutesPerDay) return false;
    ceilings += most;
  }
  if (ceilings <= minutesPerDay) return true;
  return dayLoads(items, n, elapsed).every((m) => m <= minutesPerDay);
}

/**
 * The least number of open days n' > n (up to n + LATER_DEADLINE_SEARCH_DAYS) whose busiest day fits, found by
 * doubling then halving: the result fits and n' − 1 does not. Null when none fits.
 */
function laterFit(
  items: readonly Spreadable[],
  n: number,
  elapsed: number | null,
  minutesPerDay: number,
  neededMinutes: number,
): number | null {
  if (minutesPerDay <= 0) return null;
  const cap = n + LATER_DEADLINE_SEARCH_DAYS;
  const check = (days: number) => fitsIn(items, days, elapsed, minutesPerDay, neededMinutes);
  // Fewer days than the average allows never fit.
  let lo = Math.max(n, Math.ceil(neededMinutes / minutesPerDay - 1e-9) - 1);
  if (lo >= cap) return null;
  let step = 1;
  let hi = lo + step;
  while (!check(hi)) {
    if (hi >= cap) return null;
    lo = hi;
    step *= 2;
    hi = Math.min(cap, lo + step);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (check(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

interface Calendar {
  todayDn: number;
  open: OpenDays;
  /** Open days from today to the deadline. */
  n: number;
  /** Working weekdays of the plan before today (null without a start). */
  elapsed: number | null;
}

function calendarOf(input: {
  today: IsoDate;
  deadline: IsoDate;
  workingDays: readonly number[];
  closedDays?: readonly IsoDate[];
  start?: IsoDate;
}): Calendar {
  const todayDn = toDayNumber(input.today, "today");
  const deadlineDn = toDayNumber(input.deadline, "deadline");
  const open = openDays({ workingDays: input.workingDays, closedDays: input.closedDays ?? [] });
  // Elapsed days count working weekdays only: the Plan page and the Log know different stretches of past closed
  // days, and both must place today on the same grid.
  const elapsed =
    input.start === undefined
      ? null
      : countWorkingDayNumbers(toDayNumber(input.start, "start"), todayDn - 1, open.mask);
  return { todayDn, open, n: countOpenDayNumbers(todayDn, deadlineDn, open), elapsed };
}

export function buildDailyPlan(input: DailyPlanInput): DailyPlan {
  const cal = calendarOf(input);
  const { todayDn, open, n, elapsed } = cal;
  checkMinutes(input.minutesPerDay, "minutesPerDay", "time available per day");
  const maxActions = input.maxActionsPerDay ?? MAX_ACTIONS_PER_DAY;
  if (!Number.isInteger(maxActions) || maxActions < 1 || maxActions > 10) {
    throw new PlanningError(
      "invalid_max_actions",
      `Actions per day must be a whole number from 1 to 10 (got ${maxActions}).`,
      "maxActionsPerDay",
    );
  }
  const keys = new Set<string>();
  input.actions.forEach((a, i) => {
    if (keys.has(a.key))
      throw new PlanningError("duplicate_action", `The action ${a.key} appears twice.`, `actions.${i}`);
    keys.add(a.key);
    requireAmount(a.remaining, `actions.${i}.remaining`, `remaining count of ${a.key}`);
    if (a.done !== undefined) requireAmount(a.done, `actions.${i}.done`, `done count of ${a.key}`);
    checkMinutes(a.minutesPerAction, `actions.${i}.minutesPerAction`, `minutes per ${a.key}`);
  });

  const dayNumbers: number[] = new Array<number>(n);
  for (let d = todayDn, k = 0; k < n; d++) if (isOpenDayNumber(d, open)) dayNumbers[k++] = d;

  const items = input.actions.map((a, index): Spreadable => ({
    remaining: a.remaining,
    done: a.done ?? 0,
    minutesPerAction: a.minutesPerAction,
    index,
    of: input.actions.length,
  }));
  const ranked = input.actions
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => a.remaining > 0)
    .sort((x, y) => (y.a.priority ?? 0) - (x.a.priority ?? 0) || x.i - y.i);
  const chosenActions = ranked.slice(0, maxActions);
  const omitted = ranked.slice(maxActions).map(({ a }) => a.key);

  const perAction = chosenActions.map(({ a, i }) => evenSpread(a.remaining, n, phaseOf(items[i]!, n, elapsed)));
  const days: DailyPlanDay[] = dayNumbers.map((dn, k) => {
    const actions: DailyAction[] = [];
    let minutes = 0;
    chosenActions.forEach(({ a }, j) => {
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
  const loads = dayLoads(items, n, elapsed);
  const busiestDayMinutes = loads.reduce((m, x) => Math.max(m, x), 0);
  const availableMinutes = input.minutesPerDay * n;
  const fits = n > 0 ? busiestDayMinutes <= input.minutesPerDay : neededMinutes === 0;
  let laterDeadline: IsoDate | null = null;
  if (!fits) {
    const later = laterFit(items, n, elapsed, input.minutesPerDay, neededMinutes);
    if (later !== null) laterDeadline = fromDayNumber(nthOpenDayNumber(todayDn, later, open));
  }
  const timeCheck: TimeCheck = {
    neededMinutes,
    availableMinutes,
    remainingWorkingDays: n,
    fits,
    overByMinutes: n > 0 ? loads.reduce((s, x) => s + Math.max(0, x - input.minutesPerDay), 0) : neededMinutes,
    overByMinutesPerDay: n > 0 ? Math.max(0, busiestDayMinutes - input.minutesPerDay) : neededMinutes,
    minutesPerDayNeeded: n > 0 ? busiestDayMinutes : null,
    busiestDayMinutes,
    typicalDayMinutes: median(loads),
    laterDeadline,
    fitFraction: neededMinutes > 0 ? Math.min(1, availableMinutes / neededMinutes) : 1,
  };

  const first = days[0];
  return {
    days,
    today: first !== undefined && first.date === input.today ? first : null,
    chosen: chosenActions.map(({ a }) => a.key),
    omitted,
    timeCheck,
  };
}

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
