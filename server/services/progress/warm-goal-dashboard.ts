/**
 * A big goal's dashboard read ahead of its first viewer (issue 21). When a change to a goal's targets commits —
 * publishing it, a change, a re-plan, an accepted proposal — the goal's week is read in the background as its root
 * reads it, through the same path as a person's read (`getBranchView`): the roll-up is kept in this instance's memo
 * and its big branches' first views for every instance (branch-view-store.ts), as if the leader had opened it, and
 * the keep-ahead job keeps them from then on. So the first view of a goal ever, and the first after a change, is a
 * kept row instead of a whole-tree read (~1 s at 100,000 members).
 *
 * Only a team big enough for the memo to keep the roll-up (`MEMO_MIN_ROWS` members) is read: a small team's
 * dashboard is always read fresh and costs a few milliseconds. The change itself never waits for this, and a
 * failure is logged and loses nothing (the first viewer then reads the tree, as before).
 *
 * A burst of changes is read ahead twice, not once a change (coalesce.ts): every change bumps the goal's version, so
 * a Monday morning of members re-planning their own rest would otherwise read a 100,000-member tree (~1.2 s) for each
 * of them. On this instance a goal has at most one read ahead under way; changes saved meanwhile are read once more,
 * `READ_AHEAD_GAP_MS` after it ends, at the version of that moment. A viewer in between reads for themselves, as
 * before any read-ahead.
 */
import type { DbClient } from "@/server/db-client";
import { loadTeamScope } from "@/server/services/team/scope";
import { inBackground } from "./branch-view-store";
import { coalescer } from "./coalesce";
import { getBranchView } from "./get-branch-view";
import { loadGoalPlan } from "./load-goal-plan";
import { MEMO_MIN_ROWS, type MemoOptions } from "./rollup-memo";

export interface WarmOptions {
  /** As `getBranchView`'s (tests lower them to warm a small team's dashboard as a 100,000-member one's). */
  fullViewRows?: number;
  memo?: MemoOptions;
  /** Between a goal's read ahead and the next one a burst of changes asks for (default `READ_AHEAD_GAP_MS`). */
  gapMs?: number;
}

/** A goal's changes saved while its dashboard is read ahead are read once more, this long after that read. */
export const READ_AHEAD_GAP_MS = 10_000;

/** What the log says when a read ahead fails (the coalescer reports each run; `inBackground` anything else). */
const readAheadFailed = (goalId: string) => `the dashboard of goal ${goalId} could not be read ahead`;

const readAheads = coalescer((goalId, error) => console.error(`[dashboard] ${readAheadFailed(goalId)}`, error));

/** Reads and keeps the goal's first views (this week's, as its root sees them); resolves to whether it read. */
export async function warmGoalDashboard(
  db: DbClient,
  input: { teamId: string; goalId: string },
  options: WarmOptions = {},
): Promise<boolean> {
  const members = await db.membership.count({ where: { teamId: input.teamId, status: "ACTIVE" } });
  if (members < (options.memo?.minRows ?? MEMO_MIN_ROWS)) return false;
  const root = await db.goal.findFirst({
    where: { id: input.goalId, teamId: input.teamId, status: "PUBLISHED" },
    select: { rootMembershipId: true, root: { select: { userId: true } } },
  });
  if (!root) return false; // not published (or gone): there is no dashboard to read
  const scope = await loadTeamScope(db, { teamId: input.teamId, userId: root.root.userId });
  const goal = await loadGoalPlan(db, scope, { goalId: input.goalId });
  await getBranchView(db, scope, { goal, period: "week", rootId: root.rootMembershipId }, options);
  return true;
}

/**
 * `warmGoalDashboard` after the answer: call it once the change has committed. A read ahead of the goal already under
 * way on this instance takes it over (once more after it, at the goal's version then).
 */
export function warmGoalDashboardLater(
  db: DbClient,
  input: { teamId: string; goalId: string },
  options: WarmOptions = {},
): void {
  inBackground(
    () =>
      readAheads.ask(input.goalId, () => warmGoalDashboard(db, input, options), options.gapMs ?? READ_AHEAD_GAP_MS) ??
      Promise.resolve(),
    readAheadFailed(input.goalId),
  );
}
