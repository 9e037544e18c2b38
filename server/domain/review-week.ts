/**
 * Which week a weekly review shows, and which week its commitments are for.
 *
 * Guarantees (weeks are the team's calendar weeks, starting on `weekStartsOn`):
 * - `reviewWeek` is the last *completed* week inside the goal: the latest week that overlaps [start, deadline] and
 *   whose days inside the goal are all over before `today` (a goal that ended long ago: its last week). When no week
 *   of the goal is complete yet because the goal began this week, it is this week so far (`kind: "this"`, as of
 *   today, what the dashboard's "this week" shows). Before the goal's first day there is nothing to review: null.
 * - `period` is the part of that week inside the goal, and `asOf` the day its numbers are counted to: the end of the
 *   period for a completed week, today for this week so far. The dashboard's roll-up for period "week" seen on `asOf`
 *   (server/services/progress/get-rollup.ts) covers exactly `period`.
 * - `kind` says which week it is seen from `today`: "last" (the week before this one), "this", or "earlier".
 * - `comingWeekStart` is the week a meeting held on `today` plans for: this week when today is its first day (a
 *   Monday meeting agrees the week that begins), otherwise next week (a week already under way is not "coming").
 * - `commitmentWeekStart` is the coming week, and never the reviewed week or one before it.
 * - `commitmentWeeks` are the two weeks a member can commit to on their own, this week and next week, and which of
 *   them is `coming` (this week when today is its first day, otherwise next week).
 */
import { addDays, startOfPeriod, type IsoDate } from "./calendar";

export interface ReviewWeek {
  /** The calendar week: its first and last day. */
  week: { from: IsoDate; to: IsoDate };
  /** The days of the week inside the goal. */
  period: { from: IsoDate; to: IsoDate };
  /** The day the numbers are as of: `period.to` once the week is over, today while it is under way. */
  asOf: IsoDate;
  kind: "last" | "this" | "earlier";
}

export function reviewWeek(args: {
  today: IsoDate;
  start: IsoDate;
  deadline: IsoDate;
  weekStartsOn: number;
}): ReviewWeek | null {
  const { today, start, deadline, weekStartsOn } = args;
  if (start > today || deadline < start) return null;
  const thisWeek = startOfPeriod(today, "week", weekStartsOn);
  const of = (weekFrom: IsoDate, asOf: IsoDate | null): ReviewWeek => {
    const weekTo = addDays(weekFrom, 6);
    const period = { from: weekFrom < start ? start : weekFrom, to: weekTo > deadline ? deadline : weekTo };
    const kind = weekFrom === thisWeek ? "this" : weekFrom === addDays(thisWeek, -7) ? "last" : "earlier";
    return { week: { from: weekFrom, to: weekTo }, period, asOf: asOf ?? period.to, kind };
  };
  // The last day of the goal that is over, and the week it falls in; if that week's part of the goal is not over
  // yet (it runs on past today), the week before.
  const yesterday = addDays(today, -1);
  const lastOver = deadline < yesterday ? deadline : yesterday;
  if (lastOver >= start) {
    let from = startOfPeriod(lastOver, "week", weekStartsOn);
    const end = (f: IsoDate) => (addDays(f, 6) > deadline ? deadline : addDays(f, 6));
    if (end(from) >= today) from = addDays(from, -7);
    if (addDays(from, 6) >= start) return of(from, null);
  }
  // No week of the goal is complete: it began this week (today at the latest). This week so far.
  return of(thisWeek, today > deadline ? deadline : today);
}

export function comingWeekStart(today: IsoDate, weekStartsOn: number): IsoDate {
  const thisWeek = startOfPeriod(today, "week", weekStartsOn);
  return thisWeek === today ? today : addDays(thisWeek, 7);
}

/**
 * The weeks a member can commit to on their own as of `today` (the team's today): this week and next week, and the
 * one a weekly review held today agrees commitments for (`comingWeekStart`). In a goal's first week the review covers
 * this week so far, and its commitments are for next week.
 */
export function commitmentWeeks(
  today: IsoDate,
  weekStartsOn: number,
): { this: IsoDate; next: IsoDate; coming: IsoDate } {
  const thisWeek = startOfPeriod(today, "week", weekStartsOn);
  return { this: thisWeek, next: addDays(thisWeek, 7), coming: comingWeekStart(today, weekStartsOn) };
}

export function commitmentWeekStart(today: IsoDate, weekStartsOn: number, reviewed: { from: IsoDate }): IsoDate {
  const coming = comingWeekStart(today, weekStartsOn);
  const afterReviewed = addDays(startOfPeriod(reviewed.from, "week", weekStartsOn), 7);
  return coming > afterReviewed ? coming : afterReviewed;
}

/** What a review calls its week: "Last week", "This week so far", "This week" or "Week of <weekOf>" (a formatted day). */
export function reviewWeekName(kind: ReviewWeek["kind"], underWay: boolean, weekOf: string): string {
  if (kind === "last") return "Last week";
  if (kind === "this") return underWay ? "This week so far" : "This week";
  return `Week of ${weekOf}`;
}
