/**
 * "My week" on the Log (pure, no I/O; the server computes the strip and the browser recomputes today's cell with the
 * taps still on the device, both with `weekDayCell`):
 *
 * - the week is the team's week that contains the member's today;
 * - a day is "working" when it is open for the member (a working weekday, not a team holiday, not their day off);
 * - the plan of a past day is not kept, so every working day is measured against today's plan numbers: the percent
 *   done is Σ min(done, planned) / Σ planned over the planned actions (null when nothing is planned that day);
 * - a day is met when its plan-done victory was recorded, or — today — when every planned action is done now;
 * - `logged` counts the actions logged that day (counts and minutes: money is not summed with counts).
 */
import {
  addDays,
  compareDates,
  daysInRange,
  isOpenDay,
  startOfPeriod,
  type IsoDate,
  type WorkCalendar,
} from "./calendar";

export interface WeekDay {
  day: IsoDate;
  isToday: boolean;
  isFuture: boolean;
  isWorkingDay: boolean;
  /** Percent of the plan done (0–100), null when nothing was planned. */
  percent: number | null;
  met: boolean;
  /** Actions logged that day (counts and minutes; money is not summed with counts). */
  logged: number;
}

/** One planned action on a day: today's planned number and what was done that day. */
export interface PlannedDone {
  planned: number;
  done: number;
}

/** True when something is planned and every planned action is done. */
export function planMet(planned: readonly PlannedDone[]): boolean {
  return planned.length > 0 && planned.every((a) => a.done >= a.planned);
}

/** One day of the strip. `planned` holds the planned actions only (planned > 0). */
export function weekDayCell(args: {
  day: IsoDate;
  today: IsoDate;
  isWorkingDay: boolean;
  planned: readonly PlannedDone[];
  logged: number;
  /** A plan-done victory was recorded for the day. */
  recordedMet: boolean;
}): WeekDay {
  const { day, today, isWorkingDay, planned } = args;
  const plannedSum = isWorkingDay ? planned.reduce((s, a) => s + a.planned, 0) : 0;
  const doneSum = planned.reduce((s, a) => s + Math.min(a.done, a.planned), 0);
  return {
    day,
    isToday: day === today,
    isFuture: compareDates(day, today) > 0,
    isWorkingDay,
    percent: plannedSum > 0 ? Math.floor((doneSum * 100) / plannedSum) : null,
    met: args.recordedMet || (day === today && planMet(planned)),
    logged: args.logged,
  };
}

export interface StripMetric {
  id: string;
  unit: string;
}

/** The week of the team (starting on `weekStartsOn`) that contains `today`, day by day. */
export function weekStrip(args: {
  today: IsoDate;
  weekStartsOn: number;
  /** The member's calendar (closed days must cover the week). */
  calendar: WorkCalendar;
  /** The loggable metrics. */
  metrics: readonly StripMetric[];
  /** Today's plan: metric → planned (> 0), loggable metrics only. */
  planned: ReadonlyMap<string, number>;
  /** The member's total of a metric on a day. */
  total: (metricId: string, day: IsoDate) => number;
  /** Days with a recorded plan-done victory. */
  metDays: ReadonlySet<IsoDate>;
}): WeekDay[] {
  const start = startOfPeriod(args.today, "week", args.weekStartsOn);
  return daysInRange(start, addDays(start, 6)).map((day) =>
    weekDayCell({
      day,
      today: args.today,
      isWorkingDay: isOpenDay(day, args.calendar),
      planned: [...args.planned].map(([id, planned]) => ({ planned, done: args.total(id, day) })),
      logged: args.metrics.reduce((s, m) => s + (m.unit === "MONEY" ? 0 : args.total(m.id, day)), 0),
      recordedMet: args.metDays.has(day),
    }),
  );
}

/**
 * The strip with today's cell recomputed from the Log's actions plus the taps still on the device (`pending`,
 * metric → amount): the same rule as the server's, so a tap moves the strip at once.
 */
export function withPendingToday(
  week: readonly WeekDay[],
  actions: readonly { metricId: string; unit: string; planned: number; done: number }[],
  pending: ReadonlyMap<string, number>,
): WeekDay[] {
  if (pending.size === 0) return [...week];
  const extra = actions.reduce((s, a) => s + (a.unit === "MONEY" ? 0 : (pending.get(a.metricId) ?? 0)), 0);
  const planned = actions
    .filter((a) => a.planned > 0)
    .map((a) => ({ planned: a.planned, done: a.done + (pending.get(a.metricId) ?? 0) }));
  return week.map((w) =>
    w.isToday
      ? weekDayCell({
          day: w.day,
          today: w.day,
          isWorkingDay: w.isWorkingDay,
          planned,
          logged: w.logged + extra,
          recordedMet: w.met,
        })
      : w,
  );
}
