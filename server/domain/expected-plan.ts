/**
 * What a member is expected to have done of a goal by a day's end (progress since the start, baseline excluded): the
 * one rule every screen and export reads — My plan and the Log, the dashboard's roll-up, its charts, the CSV, the
 * leaderboard and the weekly review. Pure.
 *
 * - A member whose rest was re-planned ("re-plan the rest", replan-rest.ts) follows their own cumulative plan: the
 *   days before the re-plan as done, then the re-phased rest (`memberReplanRow` → `rowCumulative`).
 * - Everyone else follows their share of the goal's curve: `shareOfProgress(share, progress(day), total)`.
 * - A team's number is the sum of its members' numbers (never the team's share of the curve rounded once), so a
 *   branch's expected on the dashboard, in its chart and in its review are the same sum. `groupExpected` makes that
 *   sum for a day without a pass over every member: members with the same share and no re-plan are counted once
 *   (the work grows with the number of distinct shares, a handful for an even or weighted split).
 */
import { addDays, type IsoDate } from "./calendar";
import { shareOfProgress } from "./dashboard-math";

export interface ExpectedPlan {
  /** The goal's progress to make: target − baseline. */
  total: number;
  /** The goal's planned progress (baseline excluded) by the end of a day. */
  progress: (day: IsoDate) => number;
  /** The few re-planned members: their own cumulative plan by the end of a day. */
  replanned?: ReadonlyMap<string, (day: IsoDate) => number>;
}

/** One member's expected by the end of `day`. */
export function memberExpectedOn(plan: ExpectedPlan, id: string, share: number, day: IsoDate): number {
  const own = plan.replanned?.get(id);
  return own ? own(day) : shareOfProgress(share, plan.progress(day), plan.total);
}

/** Members of a team, grouped: `count` members with this share, or one re-planned member (`replannedId`). */
export interface ShareGroup {
  share: number;
  count: number;
  /** Set when the group is one member with a stored re-plan (their own plan applies when it could be rebuilt). */
  replannedId?: string | null;
}

/** Groups members by share (a member with a usable re-plan on their own). */
export function shareGroups(
  members: Iterable<{ id: string; share: number }>,
  replanned?: ReadonlyMap<string, unknown>,
): ShareGroup[] {
  const byShare = new Map<number, number>();
  const out: ShareGroup[] = [];
  for (const m of members) {
    if (replanned?.has(m.id)) out.push({ share: m.share, count: 1, replannedId: m.id });
    else byShare.set(m.share, (byShare.get(m.share) ?? 0) + 1);
  }
  for (const [share, count] of byShare) out.push({ share, count });
  return out;
}

/** The sum of the grouped members' expected by the end of a day: a team's expected, exactly as the roll-up sums it. */
export function groupExpected(plan: ExpectedPlan, groups: readonly ShareGroup[]): (day: IsoDate) => number {
  return (day) => {
    const progress = plan.progress(day);
    let sum = 0;
    for (const g of groups) {
      const own = g.replannedId ? plan.replanned?.get(g.replannedId) : undefined;
      sum += own ? own(day) : g.count * shareOfProgress(g.share, progress, plan.total);
    }
    return sum;
  };
}

/**
 * A cumulative plan as increments per day (aligned with `days`): what it adds on each day. Whole numbers; ≥ 0 for a
 * share of the curve and for a re-planned rest (a re-planned row's days before the re-plan are what was done).
 */
export function incrementsOf(days: readonly { date: IsoDate }[], cumulative: (day: IsoDate) => number): number[] {
  const out = new Array<number>(days.length);
  let before = days.length > 0 ? cumulative(addDays(days[0]!.date, -1)) : 0;
  for (let k = 0; k < days.length; k++) {
    const now = cumulative(days[k]!.date);
    out[k] = now - before;
    before = now;
  }
  return out;
}
