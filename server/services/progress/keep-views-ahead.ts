/**
 * Keeps the first views of the big goals in use fresh ahead of the next read (issue 21): for eight days after a person
 * last asked for a goal's views (`requestedAt`, branch-view-store.ts; publishing or changing a big goal counts,
 * warm-goal-dashboard.ts), every goal and period whose newest kept view is older than `REFRESH_AFTER_MS` — or of
 * another day, since the key carries the team's day — is read again as its root reads it and its big branches' views
 * are kept anew. So a leader opening a 100,000-member dashboard first thing in the morning, or at next week's team
 * meeting without having opened it since, gets one kept row instead of a whole-tree read.
 *
 * The numbers are the dashboard's own (`getRollup`, then the one cut `firstViewOf`); only goals whose views were
 * kept, i.e. whose roll-up is big, are ever read here. Cost: one roll-up of each such goal and period every few
 * minutes while in use (~0.7 % of a core at 100,000 members: docs/PERFORMANCE.md, "Round six" and "Round eight").
 * A goal that fails is logged and the others go on; the next tick tries it again.
 */
import * as clock from "@/server/clock";
import type { DbClient } from "@/server/db-client";
import { indexBranches } from "@/server/domain/branch-view";
import { listViewsDue } from "@/server/queries/branch-view-snapshot";
import { loadTeamScope } from "@/server/services/team/scope";
import { keepFirstViews, rollupKey } from "./branch-view-store";
import { FULL_VIEW_ROWS, OFF_PACE_LIMIT } from "./get-branch-view";
import { getRollup } from "./get-rollup";
import { loadGoalPlan } from "./load-goal-plan";
import { MEMO_STALE_MS } from "./rollup-memo";

/**
 * A goal's views are kept ahead for this long after a person last asked for them: a week and a day, so a team that
 * opens its dashboard only at the weekly meeting finds it kept.
 */
export const KEEP_AHEAD_FOR_MS = 8 * 24 * 60 * 60_000;
/** Views older than this are read again (the job ticks every minute: no kept view outlives the memo's limit). */
export const REFRESH_AFTER_MS = MEMO_STALE_MS - 2 * 60_000;

export interface KeepAheadRun {
  goals: number;
  views: number;
  failed: number;
}

export async function keepViewsAhead(db: DbClient, options: { minSize?: number } = {}): Promise<KeepAheadRun> {
  const now = clock.nowMs();
  const due = await listViewsDue(db, {
    requestedSince: new Date(now - KEEP_AHEAD_FOR_MS),
    computedBefore: new Date(now - REFRESH_AFTER_MS),
  });
  const run: KeepAheadRun = { goals: 0, views: 0, failed: 0 };
  for (const item of due) {
    try {
      const scope = await loadTeamScope(db, { teamId: item.teamId, userId: item.rootUserId });
      const goal = await loadGoalPlan(db, scope, { goalId: item.goalId });
      const computedAt = clock.now();
      const result = await getRollup(db, scope, { goal, period: item.period, rootId: goal.goal.rootMembershipId });
      run.views += await keepFirstViews(
        db,
        rollupKey(scope, { goal, period: item.period }),
        { result, index: indexBranches(result.rows), computedAt },
        { minSize: options.minSize ?? FULL_VIEW_ROWS, offPaceLimit: OFF_PACE_LIMIT, requestedAt: item.requestedAt },
      );
      run.goals += 1;
    } catch (error) {
      run.failed += 1;
      console.error(`[dashboard] the views of goal ${item.goalId} (${item.period}) could not be kept ahead`, error);
    }
  }
  return run;
}
