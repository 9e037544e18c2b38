/**
 * A branch's week in the weekly review's snapshot shape, from the dashboard's roll-up (`getRollup`, period "week"):
 * the one mapping the weekly review (start-review.ts, the roll-up rooted at the branch) and the weekly digest
 * (server/services/email/send-weekly-digests.ts, one roll-up of the whole team, each upline's branch a subtree of it)
 * share, so both say exactly what the dashboard says. The branch root's row carries the branch totals; the off-pace
 * list is the dashboard's "Furthest behind" (`branchView`, server/domain/branch-view.ts: own status in the week, the
 * root excluded, members who left not listed, furthest behind first). With the roll-up's branch index (built once for
 * a whole team's roll-up by the digest) a branch costs its own size, not the team's.
 */
import { branchView, inBranch, indexBranches, type BranchIndex } from "@/server/domain/branch-view";
import type { IsoDate } from "@/server/domain/calendar";
import type { ReviewSnapshot } from "@/server/domain/review-snapshot";
import type { ReviewWeek } from "@/server/domain/review-week";
import { LEFT_ROLE } from "@/server/domain/rollup";
import type { VictoryItem } from "@/server/queries/dashboard";
import type { RollupResult } from "@/server/services/progress/get-rollup";

/** The most members a snapshot lists as off pace, and in the meeting. */
const OFF_PACE_LISTED = 100;
const MEMBERS_LISTED = 500;

export function branchSnapshot(args: {
  rollup: RollupResult;
  /** The index of `rollup.rows` (`indexBranches`); made here when absent. */
  index?: BranchIndex;
  /** The branch's root (in `rollup.rows`). */
  rootId: string;
  reviewed: Pick<ReviewWeek, "week" | "kind">;
  nextWeekStart: IsoDate;
  wins: VictoryItem[];
  /** List who is in the meeting (the review's commitments); the digest holds no meeting. */
  withMembers: boolean;
}): ReviewSnapshot {
  const { rollup, rootId, reviewed } = args;
  const index = args.index ?? indexBranches(rollup.rows);
  const view = branchView(rollup.rows, index, rootId, { offPaceLimit: OFF_PACE_LISTED });
  if (!view) throw new Error(`${rootId} is not in the roll-up`);
  const { root } = view;
  const listed = (id: string) => inBranch(index, rootId, id);
  return {
    version: 1,
    goal: {
      id: rollup.goal.id,
      name: rollup.goal.name,
      metricName: rollup.goal.metric.name,
      unit: rollup.goal.metric.unit,
      target: rollup.goal.target,
      baseline: rollup.goal.baseline,
      start: rollup.goal.start,
      deadline: rollup.goal.deadline,
    },
    week: { from: reviewed.week.from, to: reviewed.week.to },
    period: { from: rollup.period.from, to: rollup.period.to, asOf: rollup.period.asOf },
    weekKind: reviewed.kind,
    nextWeekStart: args.nextWeekStart,
    root: { id: root.id, name: root.name },
    scoreboard: {
      weekTarget: root.teamTarget,
      weekExpected: root.teamExpected,
      weekActual: root.teamActual,
      weekStatus: root.teamStatus,
      goalActual: root.goal.teamActual,
      goalExpected: root.goal.teamExpected,
      goalShare: root.goal.teamShare,
      goalStatus: root.goal.status,
      // Status, forecast, catch-up and note: the dashboard row's, from the one pace model (`paceModel`).
      forecast: root.goal.forecast,
      catchUpPerWeek: root.goal.catchUpPerWeek,
      catchUpPerDay: root.goal.catchUpPerDay,
      note: root.goal.note,
      onPace: root.below.onPace,
      offPace: root.below.offPace,
    },
    // Exactly the members the dashboard counts off pace for the week (`below.offPace`), as its "Furthest behind" lists them.
    offPace: view.offPace.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.ownStatus,
      actual: r.ownActual,
      expected: r.ownExpected,
      catchUpPerWeek: r.goal.catchUpPerWeek,
    })),
    wins: args.wins
      .filter((w) => listed(w.memberId))
      .slice(0, 50)
      .map((w) => ({ id: w.id, name: w.name, title: w.title, kind: w.kind, day: w.day })),
    // Who is in the meeting (commitments): members who left count in the totals above, not here.
    members: args.withMembers
      ? rollup.rows
          .filter((r) => listed(r.id) && r.role !== LEFT_ROLE)
          .slice(0, MEMBERS_LISTED)
          .map((r) => ({
            id: r.id,
            name: r.name,
            role: r.role,
            depth: r.depth,
            status: r.ownStatus,
            teamStatus: r.teamStatus,
          }))
      : [],
  };
}
