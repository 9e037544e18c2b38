/**
 * What a weekly review showed, stored in WeeklyReview.snapshot so a past review reads the same forever. The optional
 * fields were added later (reviews stored before them lack them): the week's days inside the goal and the day its
 * numbers are as of, which week it was seen from the review's day, the part of the week's plan that was due, and each
 * member's week statuses — the dashboard's for the same goal, week and subtree (start-review.ts).
 */
import type { MetricUnit } from "@/server/domain/money";
import type { PaceNote, PaceStatus } from "@/server/domain/pace";

export interface ReviewSnapshot {
  version: 1;
  goal: {
    id: string;
    name: string;
    metricName: string;
    unit: MetricUnit;
    target: number;
    baseline: number;
    start: string;
    deadline: string;
  };
  /** The team's calendar week reviewed. */
  week: { from: string; to: string };
  /** Its days inside the goal, and the day the numbers are as of (before `to` while the week is under way). */
  period?: { from: string; to: string; asOf: string };
  /** Which week it was on the review's day. */
  weekKind?: "last" | "this" | "earlier";
  /** The coming week, which the commitments are for (review-week.ts `commitmentWeekStart`). */
  nextWeekStart: string;
  root: { id: string; name: string };
  scoreboard: {
    weekTarget: number;
    /** The part of `weekTarget` due by `period.asOf` (all of it once the week is over); `weekStatus` compares with it. */
    weekExpected?: number;
    weekActual: number;
    weekStatus: PaceStatus;
    goalActual: number;
    goalExpected: number;
    goalShare: number;
    goalStatus: PaceStatus;
    forecast: number | null;
    /**
     * From the pace model (`paceModel`, via the dashboard roll-up): what each remaining week (and open day) must bring
     * to finish on target, 0 when none is needed, and why. (Reviews stored before the one pace model kept only the
     * shortfall against the plan per week, without `catchUpPerDay` and `note`.)
     */
    catchUpPerWeek: number;
    catchUpPerDay?: number;
    note?: PaceNote;
    onPace: number;
    offPace: number;
  };
  /**
   * The members below the root off pace in the week (own status at risk or behind, as the dashboard counts them), with
   * their own week actual and due plan, and the catch-up per week of their team on the goal to date. (Reviews
   * stored before `period` listed goal-to-date team statuses here.)
   */
  offPace: { id: string; name: string; status: PaceStatus; actual: number; expected: number; catchUpPerWeek: number }[];
  wins: { id: string; name: string; title: string; kind: string; day: string }[];
  /** `status` / `teamStatus`: own and team pace in the week, as the dashboard shows them. */
  members: { id: string; name: string; role: string; depth: number; status?: PaceStatus; teamStatus?: PaceStatus }[];
  /** Filled when the review is closed. */
  commitments?: { memberId: string; name: string; text: string; amount: number | null; enteredBy: string }[];
}
