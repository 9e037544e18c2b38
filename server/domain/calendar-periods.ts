/**
 * Periods (day, week from the team's week start, calendar month) and whole weeks to a deadline (part of the calendar
 * module, server/domain/calendar.ts).
 */
import { PlanningError } from "./errors";
import {
  addDays,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  DEFAULT_WEEK_STARTS_ON,
  diffDays,
  fromDayNumber,
  toDayNumber,
  validateWeekday,
  weekdayOfDayNumber,
  type IsoDate,
} from "./calendar-days";

export type Period = "day" | "week" | "month";

export function validatePeriod(period: string): Period {
  if (period !== "day" && period !== "week" && period !== "month") {
    throw new PlanningError(
      "invalid_period",
      `The period must be day, week or month (got ${JSON.stringify(period)}).`,
      "period",
    );
  }
  return period;
}

/** First day number of the period containing `dayNumber`. */
export function periodStartDayNumber(dayNumber: number, period: Period, weekStartsOn: number): number {
  if (period === "day") return dayNumber;
  if (period === "week") return dayNumber - ((weekdayOfDayNumber(dayNumber) - weekStartsOn + 7) % 7);
  const [y, m] = civilFromDays(dayNumber);
  return daysFromCivil(y, m, 1);
}

/** Last day number of the period containing `dayNumber`. */
export function periodEndDayNumber(dayNumber: number, period: Period, weekStartsOn: number): number {
  if (period === "day") return dayNumber;
  if (period === "week") return periodStartDayNumber(dayNumber, "week", weekStartsOn) + 6;
  const [y, m] = civilFromDays(dayNumber);
  return daysFromCivil(y, m, daysInMonth(y, m));
}

export function startOfPeriod(date: IsoDate, period: Period, weekStartsOn: number = DEFAULT_WEEK_STARTS_ON): IsoDate {
  return fromDayNumber(
    periodStartDayNumber(toDayNumber(date), validatePeriod(period), validateWeekday(weekStartsOn, "week start")),
  );
}

export function endOfPeriod(date: IsoDate, period: Period, weekStartsOn: number = DEFAULT_WEEK_STARTS_ON): IsoDate {
  return fromDayNumber(
    periodEndDayNumber(toDayNumber(date), validatePeriod(period), validateWeekday(weekStartsOn, "week start")),
  );
}

/** A neutral label for the (whole, unclipped) period: `2026-12-01`, `Week of 2026-11-30`, `2026-12`. */
export function periodLabel(dayNumber: number, period: Period, weekStartsOn: number): string {
  const first = fromDayNumber(periodStartDayNumber(dayNumber, period, weekStartsOn));
  if (period === "day") return first;
  if (period === "week") return `Week of ${first}`;
  return first.slice(0, 7);
}

export interface PeriodBucket {
  /** First day of the bucket, clipped to the range. */
  periodStart: IsoDate;
  /** Last day of the bucket, clipped to the range. */
  periodEnd: IsoDate;
  label: string;
}

/** The periods covering `start`…`end` inclusive, each clipped to the range, in order. */
export function periodsInRange(
  start: IsoDate,
  end: IsoDate,
  period: Period,
  weekStartsOn: number = DEFAULT_WEEK_STARTS_ON,
): PeriodBucket[] {
  const a = toDayNumber(start, "start");
  const b = toDayNumber(end, "end");
  validatePeriod(period);
  validateWeekday(weekStartsOn, "week start");
  const out: PeriodBucket[] = [];
  for (let d = a; d <= b;) {
    const e = Math.min(b, periodEndDayNumber(d, period, weekStartsOn));
    out.push({
      periodStart: fromDayNumber(d),
      periodEnd: fromDayNumber(e),
      label: periodLabel(d, period, weekStartsOn),
    });
    d = e + 1;
  }
  return out;
}

/** Whole weeks left from `date` to `deadline` (floor of days / 7; negative when past the deadline). */
export function weeksToGo(date: IsoDate, deadline: IsoDate): number {
  return Math.floor(diffDays(date, deadline) / 7);
}

/** The day that is `weeks` whole weeks before `deadline` ("£42,000 with one week to go" → deadline − 7 days). */
export function dateWeeksBefore(deadline: IsoDate, weeks: number): IsoDate {
  return addDays(deadline, -7 * weeks);
}
