/**
 * The first views of a big goal's branches, kept in the database for every app instance (BranchViewSnapshot,
 * issue 21). The in-process memo (rollup-memo.ts) makes an instance fast once IT has read a big roll-up; an instance
 * that has not (a new one behind the load balancer, one just restarted, the second of two in a review meeting) would
 * read 100,000 members first (~0.8 s). So when an instance keeps a big roll-up it also writes, in the background,
 * the first view of every branch too big to send whole (`firstViewOf`, the one cut); any instance then answers such
 * a view with one primary-key read, for as long as the memo would serve the roll-up itself (`MEMO_STALE_MS`), and
 * starts its own background read of the viewer's top at once (one, however many ask), so what follows — a search, a
 * small branch's drill — is a lookup there, and the views are kept anew.
 * Serving a view records the request (at most once a minute); for eight days after a goal's last request the
 * keep-ahead job (keep-views-ahead.ts) reads it again every few minutes, so the first read of the day, or of next
 * week's meeting, is one row too. A goal just published or changed is read ahead the same way
 * (warm-goal-dashboard.ts), and its kept views are keyed by its version, so none shows targets from before a change.
 *
 * Numbers: a kept view IS the view cut from the roll-up (the same `branchView` over the same rows), so it equals what
 * the instance that kept it showed, and carries when it was read ("Figures as of …"). Access is the caller's: the
 * procedure checks the viewer may see the branch before anything is read, and a branch's view never reaches above it.
 */
import * as clock from "@/server/clock";
import type { DbClient } from "@/server/db-client";
import { branchView, type BranchIndex, type BranchView } from "@/server/domain/branch-view";
import type { DashboardPeriod } from "@/server/domain/dashboard-math";
import { readKeptView, touchKeptView, writeKeptViews } from "@/server/queries/branch-view-snapshot";
import type { TeamScope } from "@/server/services/team/scope";
import type { RollupResult } from "./get-rollup";
import type { GoalPlan } from "./load-goal-plan";
import { MEMO_STALE_MS, type IndexedRollup } from "./rollup-memo";

/** Bumped whenever the kept view's shape changes, so an instance never reads a view written by another version. */
const VIEW_FORMAT = "view-1";

/** A branch's first view without what depends on the viewer (the breadcrumb) or on its size (every row). */
export type FirstView = Pick<RollupResult, "goal" | "period" | "goalAsOf" | "dueThrough" | "remainingWorkingDays"> &
  BranchView;

/**
 * The roll-up a view is cut from, by what its numbers depend on: the team, the goal and its numbers, the goal's
 * version (bumped by every change to its targets: publish, a change, a re-plan, an accepted proposal, a re-split
 * when the tree changes — so a leader's change is on the dashboard at once, never behind a view kept before it), the
 * period kind and the team's day. The memo keys its roll-ups by this and the roll-up's root.
 */
export function rollupKey(scope: TeamScope, input: { goal: GoalPlan; period: DashboardPeriod }): string {
  const g = input.goal.goal;
  return [
    VIEW_FORMAT,
    scope.team.id,
    g.id,
    g.version,
    g.target,
    g.baseline,
    g.startDate.toISOString(),
    g.deadline.toISOString(),
    input.period,
    scope.today,
  ].join("|");
}

/** The first view of the branch under `rootId`, cut from a roll-up holding it, or null when it is not in the rows. */
export function firstViewOf(
  result: RollupResult,
  index: BranchIndex,
  rootId: string,
  options: { offPaceLimit: number },
): FirstView | null {
  const view = branchView(result.rows, index, rootId, options);
  if (!view) return null;
  return {
    goal: result.goal,
    period: result.period,
    goalAsOf: result.goalAsOf,
    dueThrough: result.dueThrough,
    remainingWorkingDays: result.remainingWorkingDays,
    ...view,
  };
}

export interface KeepOptions {
  /** Only branches of more rows than this get a kept view (a smaller one is sent whole and read fresh). */
  minSize: number;
  offPaceLimit: number;
  /** When a person asked for them (default: when they were read; the keep-ahead job passes the last request). */
  requestedAt?: Date;
}

const SLICE_ROWS = 200_000;

/** Writes the first view of every branch of `held` bigger than `minSize` under `key`; resolves to how many. */
export async function keepFirstViews(
  db: DbClient,
  key: string,
  held: IndexedRollup,
  options: KeepOptions,
): Promise<number> {
  const { result, index, computedAt } = held;
  const views: { membershipId: string; view: FirstView }[] = [];
  // Each cut scans its branch: at 100,000 members, 280 branches and ~4 M rows scanned, 130–200 ms in all. Cut in
  // slices between other requests (a slice of 200,000 rows is ~5–10 ms), never as one long task.
  let scanned = 0;
  for (let i = 0; i < result.rows.length; i++) {
    if (index.subtreeSize[i]! <= options.minSize) continue;
    if (scanned >= SLICE_ROWS) {
      scanned = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
    scanned += index.subtreeSize[i]!;
    const id = result.rows[i]!.id;
    views.push({ membershipId: id, view: firstViewOf(result, index, id, options)! });
  }
  if (views.length === 0) return 0;
  return writeKeptViews(db, {
    key,
    goalId: result.goal.id,
    period: result.period.kind,
    computedAt,
    requestedAt: options.requestedAt ?? computedAt,
    views,
    dropBefore: new Date(clock.nowMs() - MEMO_STALE_MS),
  });
}

const writing = new Set<Promise<unknown>>();

/**
 * Runs `write` in the background (the answer never waits for it); a failure is logged and loses nothing.
 * `settleKeptViews` waits for it.
 */
export function inBackground(write: () => Promise<unknown>, what: string): void {
  // After the answer: nothing of the write runs before the caller's next step.
  const job: Promise<unknown> = new Promise((resolve) => setImmediate(resolve))
    .then(write)
    .catch((error: unknown) => console.error(`[dashboard] ${what}`, error))
    .finally(() => writing.delete(job));
  writing.add(job);
}

/** `keepFirstViews` in the background of the read that kept the roll-up (the views are read again next time). */
export function keepFirstViewsLater(...args: Parameters<typeof keepFirstViews>): void {
  inBackground(() => keepFirstViews(...args), "the goal's first views could not be kept");
}

/** A person's request of a kept view is recorded at most once a minute a view (the keep-ahead job follows it). */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves once every background write started so far, and every write those start, has ended (tests, the
 * benchmark, a clean shutdown).
 */
export async function settleKeptViews(): Promise<void> {
  // A background read may start writes of its own (a read ahead keeps its views): wait for those too.
  while (writing.size > 0) await Promise.all([...writing]);
}

/**
 * The view kept under `key` for the branch of `rootId` while it may be served (younger than `MEMO_STALE_MS` by the
 * one clock, and bigger than `minSize`), with when it was read; else null.
 */
export async function readFirstView(
  db: DbClient,
  key: string,
  rootId: string,
  minSize: number,
): Promise<{ view: FirstView; computedAt: Date } | null> {
  const row = await readKeptView(db, { key, membershipId: rootId });
  if (!row) return null;
  const age = clock.nowMs() - row.computedAt.getTime();
  if (age < 0 || age >= MEMO_STALE_MS) return null;
  const view = row.view as FirstView | null;
  if (view?.root?.id !== rootId || !(view.size > minSize)) return null;
  if (clock.nowMs() - row.requestedAt.getTime() >= TOUCH_EVERY_MS) {
    const at = clock.now();
    inBackground(
      () => touchKeptView(db, { key, membershipId: rootId, at, unlessSince: new Date(at.getTime() - TOUCH_EVERY_MS) }),
      "a kept view's request could not be recorded",
    );
  }
  return { view, computedAt: row.computedAt };
}
