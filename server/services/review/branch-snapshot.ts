/**
 * A branch's week in the weekly review's snapshot shape, from the dashboard's roll-up (`getRollup`, period "week"):
 * the one mapping the weekly review (start-review.ts, the roll-up rooted at the branch) and the weekly digest
 * (server/services/email/send-weekly-digests.ts, one roll-up of the whole team, each upline's branch a subtree of it)
 * share, so both say exactly what the dashboard says. The branch root's row carries the branch totals; the off-pace
 * list is the dashboard's (own status in the week, the root excluded, members who left not listed).
 */
import type { IsoDate } from "@/server/domain/calendar";
import type { ReviewSnapshot } from "@/server/domain/review-snapshot";
import type { ReviewWeek } from "@/server/domain/review-week";
import { LEFT_ROLE, type DashboardRow } from "@/server/domain/rollup";
import type { VictoryItem } from "@/server/queries/dashboard";
import type { RollupResult } from "@/server/services/progress/get-rollup";

const OFF_PACE = new Set(["at_risk", "behind"]);

export function branchSnapshot(args: {
  rollup: RollupResult;
  /** The branch's root row (in `rollup.rows`). */
  root: DashboardRow;
  /** The ids of the branch (its root included); absent = every row of the roll-up. */
  branch?: ReadonlySet<string>;
  reviewed: Pick<ReviewWeek, "week" | "kind">;
  nextWeekStart: IsoDate;
  wins: VictoryItem[];
  /** List who is in the meeting (the review's commitments); the digest holds no meeting. */
  withMembers: boolean;
}): ReviewSnapshot {
  const { rollup, root, branch, reviewed } = args;
  const inBranch = (id: string) => !branch || branch.has(id);
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
    // Exactly the members the dashboard counts off pace for the week (`below.offPace`): own status, the root excluded.
    offPace: rollup.rows
      .filter((r) => r.id !== root.id && inBranch(r.id) && r.role !== LEFT_ROLE && OFF_PACE.has(r.ownStatus))
      .sort((a, b) => b.ownExpected - b.ownActual - (a.ownExpected - a.ownActual))
      .slice(0, 100)
      .map((r) => ({
        id: r.id,
        name: r.name,
        status: r.ownStatus,
        actual: r.ownActual,
        expected: r.ownExpected,
        catchUpPerWeek: r.goal.catchUpPerWeek,
      })),
    wins: args.wins
      .filter((w) => inBranch(w.memberId))
      .slice(0, 50)
      .map((w) => ({ id: w.id, name: w.name, title: w.title, kind: w.kind, day: w.day })),
    // Who is in the meeting (commitments): members who left count in the totals above, not here.
    members: args.withMembers
      ? rollup.rows
          .filter((r) => inBranch(r.id) && r.role !== LEFT_ROLE)
          .slice(0, 500)
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
