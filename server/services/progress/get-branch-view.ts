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
import { branchRows, searchBranch, type BranchMatch, type BranchRow } from "@/server/domain/branch-view";
import type { DashboardPeriod } from "@/server/domain/dashboard-math";
import type { DashboardRow } from "@/server/domain/rollup";
import { listUplineChain } from "@/server/queries/tree";
import { AppError, notFound } from "@/server/errors";
import type { TeamScope } from "@/server/services/team/scope";
import { getRollup, type RollupResult } from "./get-rollup";
import type { GoalPlan } from "./load-goal-plan";
import { firstViewOf, keepFirstViewsLater, readFirstView, rollupKey } from "./branch-view-store";
import { keptRollupHolding, memoRollup, type IndexedRollup, type MemoOptions } from "./rollup-memo";
import { resolveGoalViewRoot } from "./view-root";

/**
 * A branch this size or smaller comes with all its rows (a few hundred KB at most), read on the instance (~35 ms at
 * 100,000 members); a bigger one comes as its first view, kept for every instance (branch-view-store.ts).
 */
export const FULL_VIEW_ROWS = 1_000;
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

/**
 * The roll-ups a request may use, through this instance's memo: `kept` is the first kept one holding `rootId` — the
 * viewer's top's, then the goal root's (a leader's first view in a big team, once anyone has read the goal's whole
 * tree on this instance) — served fresh, or stale while one background read replaces it; `of` is a node's own,
 * kept or read now. A roll-up's rows are the same whoever reads them (the viewer's access to `rootId` is checked
 * before, and the branch view never reaches beyond `rootId`: server/domain/branch-view.ts), so a kept roll-up may
 * serve any viewer.
 */
function rollupReads(
  db: DbClient,
  scope: TeamScope,
  input: { goal: GoalPlan; period: DashboardPeriod },
  memo: MemoOptions,
) {
  const base = rollupKey(scope, input);
  const key = (nodeId: string) => `${base}|${nodeId}`;
  const read = (nodeId: string) => () =>
    getRollup(db, scope, { goal: input.goal, rootId: nodeId, period: input.period });
  return {
    kept(rootId: string, topId: string): Promise<IndexedRollup> | undefined {
      for (const holderId of new Set([topId, input.goal.goal.rootMembershipId])) {
        const held = keptRollupHolding(key(holderId), rootId, read(holderId), memo);
        if (held) return held;
      }
      return undefined;
    },
    of: (nodeId: string): Promise<IndexedRollup> => memoRollup(key(nodeId), read(nodeId), memo),
  };
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
  const key = rollupKey(scope, input);
  // A big roll-up kept on this instance also keeps its big branches' first views for every instance.
  const keep = { minSize: fullViewRows, offPaceLimit: OFF_PACE_LIMIT };
  const memo: MemoOptions = { ...options.memo, onKept: (held) => keepFirstViewsLater(db, key, held, keep) };
  const chain =
    input.rootId === topId
      ? Promise.resolve([])
      : listUplineChain(db, { teamId: scope.team.id, memberId: input.rootId });
  chain.catch(() => undefined); // read beside the numbers; a failure surfaces where it is awaited
  const crumbsTo = async (view: { root: { id: string; name: string } }) => [
    ...crumbsDown(await chain, topId),
    { id: view.root.id, name: view.root.name },
  ];

  const reads = rollupReads(db, scope, input, memo);
  const held = reads.kept(input.rootId, topId);
  if (!held) {
    // Not read on this instance yet: a big branch's view kept by any instance is one row away.
    const stored = await readFirstView(db, key, input.rootId, fullViewRows);
    if (stored) {
      // Served now, while this instance reads the viewer's top in the background (one read, however many ask): the
      // searches and the small branches' drills that follow are lookups, and the views are kept anew.
      reads.of(topId).catch(() => undefined);
      const { view, computedAt } = stored;
      return { ...view, rootId: input.rootId, crumbs: await crumbsTo(view), rows: null, computedAt };
    }
  }
  const { result, index, computedAt } = await (held ?? reads.of(input.rootId));
  const view = firstViewOf(result, index, input.rootId, { offPaceLimit: OFF_PACE_LIMIT });
  if (!view) throw notFound("Member");
  return {
    ...view,
    rootId: input.rootId,
    crumbs: await crumbsTo(view),
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
  const reads = rollupReads(db, scope, input, {});
  const { result, index, computedAt } = await (reads.kept(input.rootId, topId) ?? reads.of(input.rootId));
  const found = searchBranch(result.rows, index, input.rootId, input.query, SEARCH_LIMIT);
  if (!found) throw notFound("Member");
  return {
    query: input.query.trim(),
    ...found,
    computedAt,
    period: { from: result.period.from, to: result.period.to },
  };
}
