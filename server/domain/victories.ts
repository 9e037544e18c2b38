/**
 * Victories: the events the app celebrates when a member logs work.
 *
 * `detectVictories` compares the state just before a new entry with the state just after it (today's `done`
 * + `added`) and returns every event the entry caused, each at most once — logging the same total in two steps
 * never celebrates twice, and a negative correction celebrates nothing:
 * - `milestone`: progress crossed a fraction of the way from baseline to target (25 %, 50 %, 75 % by default;
 *   threshold = baseline + ⌈fraction · (target − baseline)⌉, in exact integers with the fraction read to the nearest
 *   millionth, so 25 % is reached iff (progress − baseline) · 100 ≥ (target − baseline) · 25 at any size);
 * - `target_reached`: progress crossed the target;
 * - `daily_plan_done`: today's done crossed today's plan;
 * - `streak_extended`: the streak of met days (see `streaks.ts`) got longer; flagged `newBest` when it beats every
 *   earlier streak and `milestone` at 3, 5, 10, 20, 30, 50 and 100 days;
 * - `personal_record`: today's total beat the best earlier day in `days`, or this week's total beat the best earlier
 *   week (weeks start on `weekStartsOn`). A record needs an earlier best above zero: the very first day is no record.
 */
import {
  DEFAULT_WEEK_STARTS_ON,
  fromDayNumber,
  periodStartDayNumber,
  toDayNumber,
  validateWeekday,
  type IsoDate,
} from "./calendar";
import { PlanningError, requireAmount } from "./errors";
import { computeStreak, type DayRecord } from "./streaks";

export const MILESTONE_FRACTIONS: readonly number[] = [0.25, 0.5, 0.75];
export const STREAK_MILESTONES: readonly number[] = [3, 5, 10, 20, 30, 50, 100];

export type Victory =
  | { kind: "milestone"; fraction: number; threshold: number; value: number }
  | { kind: "target_reached"; target: number; value: number }
  | { kind: "daily_plan_done"; date: IsoDate; planned: number; done: number }
  | { kind: "streak_extended"; length: number; newBest: boolean; milestone: boolean }
  | { kind: "personal_record"; scope: "day" | "week"; periodStart: IsoDate; value: number; previous: number };

export interface VictoryInput {
  today: IsoDate;
  workingDays: readonly number[];
  /** Closed days (team holidays, the member's days off): neutral for the streak, like non-working days. */
  closedDays?: readonly IsoDate[];
  weekStartsOn?: number;
  target: number;
  baseline?: number;
  /** Progress towards the target before this entry (baseline included). */
  progressBefore: number;
  /** Per-day plan and work done, up to today, before this entry. Longer history → all-time records. */
  days: readonly DayRecord[];
  /** Amount just logged for today. */
  added: number;
  milestoneFractions?: readonly number[];
}

/** ⌈fraction · span⌉ exactly (BigInt), the fraction read as a whole number of millionths (0.25 → 250,000). */
function milestoneOffset(fraction: number, span: number): number {
  const millionths = BigInt(Math.round(fraction * 1_000_000));
  return Number((millionths * BigInt(span) + 999_999n) / 1_000_000n);
}

export function detectVictories(input: VictoryInput): Victory[] {
  const todayDn = toDayNumber(input.today, "today");
  const weekStartsOn = validateWeekday(input.weekStartsOn ?? DEFAULT_WEEK_STARTS_ON, "week start");
  const target = requireAmount(input.target, "target");
  const baseline = requireAmount(input.baseline ?? 0, "baseline");
  if (!Number.isSafeInteger(input.progressBefore)) {
    throw new PlanningError("invalid_amount", "Progress must be a whole number.", "progressBefore");
  }
  if (!Number.isSafeInteger(input.added)) {
    throw new PlanningError("invalid_amount", "The amount logged must be a whole number.", "added");
  }
  const fractions = input.milestoneFractions ?? MILESTONE_FRACTIONS;
  for (const f of fractions) {
    if (!(f > 0 && f < 1))
      throw new PlanningError(
        "invalid_milestone",
        `A milestone is a fraction between 0 and 1 (got ${f}).`,
        "milestoneFractions",
      );
  }

  const events: Victory[] = [];
  if (input.added <= 0) return events;
  const before = input.progressBefore;
  const after = before + input.added;

  // Progress milestones.
  if (target > baseline) {
    for (const f of [...fractions].sort((a, b) => a - b)) {
      const threshold = baseline + milestoneOffset(f, target - baseline);
      if (threshold < target && before < threshold && threshold <= after) {
        events.push({ kind: "milestone", fraction: f, threshold, value: after });
      }
    }
    if (before < target && target <= after) events.push({ kind: "target_reached", target, value: after });
  }

  // Today's plan.
  const todayRecord = input.days.find((d) => d.date === input.today);
  const todayBefore = todayRecord?.done ?? 0;
  const todayAfter = todayBefore + input.added;
  const planned = todayRecord?.planned ?? 0;
  if (planned > 0 && todayBefore < planned && planned <= todayAfter) {
    events.push({ kind: "daily_plan_done", date: input.today, planned, done: todayAfter });
  }

  // Streak.
  const daysAfter: DayRecord[] = input.days.map((d) => (d.date === input.today ? { ...d, done: todayAfter } : d));
  const calendar = { today: input.today, workingDays: input.workingDays, closedDays: input.closedDays ?? [] };
  const streakBefore = computeStreak({ ...calendar, days: input.days });
  const streakAfter = computeStreak({ ...calendar, days: daysAfter });
  if (streakAfter.current > streakBefore.current) {
    events.push({
      kind: "streak_extended",
      length: streakAfter.current,
      newBest: streakAfter.current > streakBefore.best,
      milestone: STREAK_MILESTONES.includes(streakAfter.current),
    });
  }

  // Personal records.
  const weekStartDn = periodStartDayNumber(todayDn, "week", weekStartsOn);
  let bestDay = 0;
  let weekBefore = 0;
  const weekTotals = new Map<number, number>();
  for (const d of input.days) {
    const dn = toDayNumber(d.date, "days.date");
    if (dn > todayDn) continue;
    if (dn < todayDn) bestDay = Math.max(bestDay, d.done);
    if (dn >= weekStartDn) weekBefore += d.done;
    else {
      const ws = periodStartDayNumber(dn, "week", weekStartsOn);
      weekTotals.set(ws, (weekTotals.get(ws) ?? 0) + d.done);
    }
  }
  if (bestDay > 0 && todayBefore <= bestDay && bestDay < todayAfter) {
    events.push({
      kind: "personal_record",
      scope: "day",
      periodStart: input.today,
      value: todayAfter,
      previous: bestDay,
    });
  }
  let bestWeek = 0;
  for (const total of weekTotals.values()) bestWeek = Math.max(bestWeek, total);
  const weekAfter = weekBefore + input.added;
  if (bestWeek > 0 && weekBefore <= bestWeek && bestWeek < weekAfter) {
    events.push({
      kind: "personal_record",
      scope: "week",
      periodStart: fromDayNumber(weekStartDn),
      value: weekAfter,
      previous: bestWeek,
    });
  }
  return events;
}
