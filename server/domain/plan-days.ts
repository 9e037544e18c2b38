/**
 * The "plan met" series behind streaks: a day's plan is only known on that day, so a met day is remembered as
 * its PLAN_DONE victory. From the first such day to today every day is planned (1) and done when it has one;
 * earlier days are neutral. `computeStreak` / `detectVictories` skip non-working days.
 */
import { daysInRange, type IsoDate } from "@/server/domain/calendar";
import type { DayRecord } from "@/server/domain/streaks";

export function planDayRecords(args: { doneDays: readonly IsoDate[]; today: IsoDate; todayMet: boolean }): DayRecord[] {
  const earlier = args.doneDays.filter((d) => d < args.today).sort();
  const done = new Set(earlier);
  const first = earlier[0] ?? args.today;
  return daysInRange(first, args.today).map((date) => ({
    date,
    planned: 1,
    done: date === args.today ? (args.todayMet ? 1 : 0) : done.has(date) ? 1 : 0,
  }));
}
