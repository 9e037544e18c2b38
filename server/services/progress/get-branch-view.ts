/**
 * The dashboard's first view of a goal (issue 21): the viewed node, its direct downline with each one's subtree
 * totals, pace and catch-up, and the members of the branch furthest behind — not every row of a 100,000-member tree.
 * A branch of at most `FULL_VIEW_ROWS` rows also gets all its rows, and the page keeps its whole tree (expand all,
 * instant search); a bigger one is explored by drilling (a view per node) and searched on the server (`searchGoalBranch`).
 *
 * Numbers: cut from the one roll-up (`getRollup`, the weekly review's and the digest's too) by the pure
 * server/domain/branch-view.ts, so they are the full tree's numbers exactly. The roll-up is read for the viewer's top
 * of the goal (their own node, or the goal's root) and a drill reuses it while it is fresh: big roll-ups are kept a few
 * seconds (rollup-memo.ts), so a drill or a search in a big tree is a lookup.
 */
import type { DbClient } from "@/server/db-client";
import type { IsoDate } from "@/server/domain/calendar";
import { branchRows, branchView, searchBranch, type BranchMatch, type BranchRow } from "@/server/domain/branch-view";
import type { DashboardPeriod } from "@/server/domain/dashboard-math";
import type { DashboardRow } from "@/server/domain/rollup";
import { listUplineChain } from "@/server/queries/tree";
import { AppError, notFound } from "@/server/errors";
import type { TeamScope } from "@/server/services/team/scope";
import { getRollup, type RollupResult } from "./get-rollup";
import type { GoalPlan } from "./load-goal-plan";
import { keptRollupHolding, memoRollup, type IndexedRollup, type MemoOptions } from "./rollup-memo";
import { resolveGoalViewRoot } from "./view-root";

/** A branch this size or smaller comes with all its rows (a few hundred KB at most). */
export const FULL_VIEW_ROWS = 1_500;
export const OFF_PACE_LIMIT = 10;
export const SEARCH_LIMIT = 25;
/**
 * The most rows `dashboard.rollup` (every row of a branch, in one answer) sends: 20,000 rows are ~10 MB of JSON. A
 * bigger branch is read through its first view (`dashboard.view`); the review, the digest and the CSV read the roll-up
 * on the server, whatever its size.
 */
export const MAX_ROLLUP_ROWS = 20_000;

export interface BranchViewInput {
  goal: GoalPlan;
  period: DashboardPeriod;
  /** The viewed node, already checked visible and inside the goal's branch (`goalSubtreeProcedure`). */
  rootId: string;
}

export type BranchViewResult = Omit<RollupResult, "rows"> & {
  /** The breadcrumb: the viewer's top of the goal down to the viewed node, inclusive. */
  crumbs: { id: string; name: string }[];
  root: BranchRow;
  children: BranchRow[];
  offPace: BranchRow[];
  offPaceCount: number;
  /** Rows in the branch, the root included. */
  size: number;
  /** Every row of the branch when it has at most FULL_VIEW_ROWS, else null (explore by drilling and searching). */
  rows: DashboardRow[] | null;
  /** When the numbers were read: "as of" on a big branch. */
  computedAt: Date;
};

const memoKey = (scope: TeamScope, input: { goal: GoalPlan; period: DashboardPeriod }, rootId: string) => {
  const g = input.goal.goal;
  return [
    scope.team.id,
    g.id,
    g.target,
    g.baseline,
    g.startDate.toISOString(),
    g.deadline.toISOString(),
    input.period,
    rootId,
    scope.today,
  ].join("|");
};

/**
 * The roll-up holding `rootId`, the first kept one of: the viewer's top's, the goal root's (a leader's first view in a
 * big team, once anyone — the owner, another leader — has read the goal's whole tree on this instance), `rootId`'s
 * own; a kept one is served fresh, or stale while one background read replaces it. Else `rootId`'s is read now.
 * A roll-up's rows are the same whoever reads them (the viewer's access to `rootId` is checked before, and the branch
 * view never reaches beyond `rootId`: server/domain/branch-view.ts), so a kept roll-up may serve any viewer.
 */
async function rollupHolding(
  db: DbClient,
  scope: TeamScope,
  input: { goal: GoalPlan; period: DashboardPeriod },
  rootId: string,
  topId: string,
  memo: MemoOptions,
): Promise<IndexedRollup> {
  const read = (nodeId: string) => () =>
    getRollup(db, scope, { goal: input.goal, rootId: nodeId, period: input.period });
  for (const holderId of new Set([topId, input.goal.goal.rootMembershipId])) {
    const held = keptRollupHolding(memoKey(scope, input, holderId), rootId, read(holderId), memo);
    if (held) return held;
  }
  return memoRollup(memoKey(scope, input, rootId), read(rootId), memo);
}

/** Every row of a branch in one answer (`dashboard.rollup`), refused with a sentence over `maxRows`. */
export async function getWholeRollup(
  db: DbClient,
  scope: TeamScope,
  input: BranchViewInput,
  options: { maxRows?: number } = {},
): Promise<RollupResult> {
  const maxRows = options.maxRows ?? MAX_ROLLUP_ROWS;
  const result = await getRollup(db, scope, { goal: input.goal, rootId: input.rootId, period: input.period });
  if (result.rows.length > maxRows) {
    throw new AppError(
      "BAD_REQUEST",
      `This branch has ${result.rows.length.toLocaleString("en-GB")} members, too many to send at once (at most ${maxRows.toLocaleString("en-GB")}): read it through its first view (dashboard.view) and drill in.`,
    );
  }
  return result;
}

async function viewerTop(db: DbClient, scope: TeamScope, goal: GoalPlan): Promise<string> {
  return resolveGoalViewRoot(db, scope.actor, goal.goal.rootMembershipId, undefined);
}

export async function getBranchView(
  db: DbClient,
  scope: TeamScope,
  input: BranchViewInput,
  options: { fullViewRows?: number; memo?: MemoOptions } = {},
): Promise<BranchViewResult> {
  const fullViewRows = options.fullViewRows ?? FULL_VIEW_ROWS;
  const topId = await viewerTop(db, scope, input.goal);
  const [held, chain] = await Promise.all([
    rollupHolding(db, scope, input, input.rootId, topId, options.memo ?? {}),
    input.rootId === topId
      ? Promise.resolve([])
      : listUplineChain(db, { teamId: scope.team.id, memberId: input.rootId }),
  ]);
  const { result, index, computedAt } = held;
  const view = branchView(result.rows, index, input.rootId, { offPaceLimit: OFF_PACE_LIMIT });
  if (!view) throw notFound("Member");
  return {
    goal: result.goal,
    period: result.period,
    goalAsOf: result.goalAsOf,
    dueThrough: result.dueThrough,
    remainingWorkingDays: result.remainingWorkingDays,
    rootId: input.rootId,
    crumbs: [...crumbsDown(chain, topId), { id: view.root.id, name: view.root.name }],
    root: view.root,
    children: view.children,
    offPace: view.offPace,
    offPaceCount: view.offPaceCount,
    size: view.size,
    rows: view.size <= fullViewRows ? branchRows(result.rows, index, input.rootId) : null,
    computedAt,
  };
}

/** The upline chain (nearest first) from the viewer's top down, the viewed node's upline last. */
function crumbsDown(chain: readonly { id: string; name: string }[], topId: string) {
  const at = chain.findIndex((c) => c.id === topId);
  if (at < 0) return [];
  return chain
    .slice(0, at + 1)
    .reverse()
    .map((c) => ({ id: c.id, name: c.name }));
}

export interface BranchSearchResult {
  query: string;
  matches: BranchMatch[];
  total: number;
  computedAt: Date;
  period: { from: IsoDate; to: IsoDate };
}

/** Members of the viewed branch whose name contains `query`, with the path to each, at most SEARCH_LIMIT. */
export async function searchGoalBranch(
  db: DbClient,
  scope: TeamScope,
  input: BranchViewInput & { query: string },
): Promise<BranchSearchResult> {
  const topId = await viewerTop(db, scope, input.goal);
  const { result, index, computedAt } = await rollupHolding(db, scope, input, input.rootId, topId, {});
  const found = searchBranch(result.rows, index, input.rootId, input.query, SEARCH_LIMIT);
  if (!found) throw notFound("Member");
  return {
    query: input.query.trim(),
    ...found,
    computedAt,
    period: { from: result.period.from, to: result.period.to },
  };
}
