/**
 * "Next month from this one": the dates and the shape of the goal that follows a closed one. Pure.
 *
 * - Dates: it starts the day after the deadline. A goal of whole calendar months (1st to a month's last day) is
 *   followed by as many whole months; any other goal by as many days. When that period is already over (the leader
 *   comes back late), it rolls on by whole periods to the first one that has not ended by `today`, so the new goal
 *   always has days left to plan.
 * - Checkpoints: those counted back from the deadline ("4 weeks to go", "10 days to go") are carried over, their
 *   amounts scaled to the new target (progress beyond the baseline, the new goal starting from 0); those on a fixed
 *   date belong to the old period and are dropped. With none left a custom curve becomes a steady one.
 */
import { addDays, diffDays, endOfPeriod, startOfPeriod, type IsoDate } from "./calendar";

export interface NextPeriod {
  start: IsoDate;
  deadline: IsoDate;
  /** Whole calendar months (the name says the month). */
  monthly: boolean;
  /** Periods skipped because they had ended by today. */
  skipped: number;
}

function isWholeMonths(start: IsoDate, deadline: IsoDate): boolean {
  return startOfPeriod(start, "month") === start && endOfPeriod(deadline, "month") === deadline;
}

function monthsIn(start: IsoDate, deadline: IsoDate): number {
  return (
    (Number(deadline.slice(0, 4)) - Number(start.slice(0, 4))) * 12 +
    Number(deadline.slice(5, 7)) -
    Number(start.slice(5, 7)) +
    1
  );
}

/** The period after [start, deadline] (same length: whole months or days) that has not ended by `today`. */
export function nextPeriod(goal: { start: IsoDate; deadline: IsoDate }, today: IsoDate): NextPeriod {
  const monthly = isWholeMonths(goal.start, goal.deadline);
  const months = monthly ? monthsIn(goal.start, goal.deadline) : 0;
  const days = diffDays(goal.start, goal.deadline) + 1;
  const after = (end: IsoDate): { start: IsoDate; deadline: IsoDate } => {
    const start = addDays(end, 1);
    if (!monthly) return { start, deadline: addDays(start, days - 1) };
    let deadline = endOfPeriod(start, "month");
    for (let i = 1; i < months; i++) deadline = endOfPeriod(addDays(deadline, 1), "month");
    return { start, deadline };
  };
  let next = after(goal.deadline);
  let skipped = 0;
  if (next.deadline < today) {
    // Jump close to today in whole periods, then step: never one step per day for a goal closed long ago.
    if (!monthly) {
      const periods = Math.floor(diffDays(next.deadline, today) / days);
      next = { start: addDays(next.start, periods * days), deadline: addDays(next.deadline, periods * days) };
      skipped += periods;
    }
    while (next.deadline < today) {
      next = after(next.deadline);
      skipped += 1;
    }
  }
  return { ...next, monthly, skipped };
}

type Checkpoint =
  | { weeksToGo: number; cumulative: number }
  | { daysToGo: number; cumulative: number }
  | { date: string; cumulative: number };

/**
 * The closed goal's checkpoints for the next one: counted-back ones kept, amounts scaled from the old progress
 * (cumulative − baseline, out of target − baseline) to the new target; dated ones dropped.
 */
export function carryCheckpoints(
  checkpoints: readonly Checkpoint[],
  old: { target: number; baseline: number },
  newTarget: number,
): Array<{ weeksToGo: number; cumulative: number } | { daysToGo: number; cumulative: number }> {
  const total = old.target - old.baseline;
  const scale = (c: number) =>
    total <= 0 ? 0 : Math.min(newTarget, Math.max(0, Math.round(((c - old.baseline) * newTarget) / total)));
  const out: Array<{ weeksToGo: number; cumulative: number } | { daysToGo: number; cumulative: number }> = [];
  for (const c of checkpoints) {
    if ("weeksToGo" in c) out.push({ weeksToGo: c.weeksToGo, cumulative: scale(c.cumulative) });
    else if ("daysToGo" in c) out.push({ daysToGo: c.daysToGo, cumulative: scale(c.cumulative) });
  }
  return out;
}

const monthWords = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const dayWords = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "Volume push — April 2027" (whole months) or "Volume push — from 5 Apr 2027"; an earlier suffix is replaced. */
export function nextGoalName(name: string, next: NextPeriod, maxLength = 120): string {
  const base = name.replace(/ — (from )?\d{0,2} ?[A-Za-z]+ \d{4}$/, "").trim();
  const when = new Date(`${next.start}T00:00:00.000Z`);
  const suffix = next.monthly ? ` — ${monthWords.format(when)}` : ` — from ${dayWords.format(when)}`;
  return `${base.slice(0, Math.max(2, maxLength - suffix.length))}${suffix}`;
}
