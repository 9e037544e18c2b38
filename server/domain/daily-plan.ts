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
 * fits (the open day before it does not), and `smallerTargetThatFits` (smaller-target.ts) gives the largest result
 * target whose funnel fits by the same rule. The spreading itself (`evenSpread`, the phase, each day's minutes) is in
 * spread.ts.
 */
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
import { dayLoads, evenSpread, fitsIn, phaseOf, type Spreadable } from "./spread";

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

/** Throws unless `value` is a number of minutes ≥ 0. */
export function checkMinutes(value: number, field: string, label: string) {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new PlanningError(
      "invalid_minutes",
      `The ${label} must be a number of minutes ≥ 0 (got ${String(value)}).`,
      field,
    );
  }
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

/** The open days from today to the deadline, and how many working weekdays of the plan are behind today. */
export function calendarOf(input: {
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
