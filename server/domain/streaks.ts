/**
 * Streaks: consecutive working days on which the daily plan was met.
 *
 * Guarantees:
 * - a working day with a plan (planned > 0) is *met* when done ≥ planned; met days extend the streak, missed days
 *   end it;
 * - neutral days neither extend nor break it: non-working days (even if work was logged), closed days (team holidays,
 *   the member's days off: exactly like non-working days), days with nothing planned, and days absent from the list
 *   (the caller passes every day that had a plan);
 * - today counts once it is met; today not met yet does not break the streak (the day is not over);
 * - days after `today` are ignored; `best` is the longest streak ever in the list (including the current one).
 * For a day with several actions, pass planned = 1 and done = 1 when every action was met (0 otherwise).
 */
import { isOpenDayNumber, openDays, toDayNumber, type IsoDate } from "./calendar";
import { PlanningError } from "./errors";

export interface DayRecord {
  date: IsoDate;
  planned: number;
  done: number;
}

export interface StreakInput {
  days: readonly DayRecord[];
  today: IsoDate;
  workingDays: readonly number[];
  /** Days off for everyone or for this member (holidays, sick days): neutral, whatever their weekday. */
  closedDays?: readonly IsoDate[];
}

export interface Streak {
  /** Length of the streak still alive at `today`. */
  current: number;
  best: number;
  /** Whether today's plan is already met (false when today has no plan). */
  todayMet: boolean;
  /** Last day counted in the current streak. */
  lastMetDate: IsoDate | null;
}

export function computeStreak(input: StreakInput): Streak {
  const todayDn = toDayNumber(input.today, "today");
  const open = openDays({ workingDays: input.workingDays, closedDays: input.closedDays ?? [] });
  const records = input.days
    .map((r, i) => {
      if (!Number.isFinite(r.planned) || !Number.isFinite(r.done)) {
        throw new PlanningError(
          "invalid_amount",
          `The plan and the work done on ${r.date} must be numbers.`,
          `days.${i}`,
        );
      }
      return { dn: toDayNumber(r.date, `days.${i}.date`), r };
    })
    .filter((x) => x.dn <= todayDn)
    .sort((a, b) => a.dn - b.dn);

  let current = 0;
  let best = 0;
  let lastMetDate: IsoDate | null = null;
  let todayMet = false;
  let prevDn = Number.NaN;
  for (const { dn, r } of records) {
    if (dn === prevDn) throw new PlanningError("duplicate_day", `The day ${r.date} appears twice.`, "days");
    prevDn = dn;
    if (!isOpenDayNumber(dn, open) || r.planned <= 0) continue;
    const met = r.done >= r.planned;
    if (dn === todayDn) {
      todayMet = met;
      if (!met) continue;
    }
    if (met) {
      current++;
      lastMetDate = r.date;
      if (current > best) best = current;
    } else {
      current = 0;
      lastMetDate = null;
    }
  }
  return { current, best, todayMet, lastMetDate };
}
