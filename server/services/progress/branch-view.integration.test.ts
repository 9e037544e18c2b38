/**
 * The dashboard's first view (`dashboard.view`) and its search (`dashboard.search`) are cut from the one roll-up:
 * for every root and period, the view's root, direct downline, furthest behind and (small branch) rows are exactly
 * `dashboard.rollup`'s rows for the same root; a big branch (here: the threshold lowered) comes without its rows and
 * with the same numbers; the search never reaches beyond the viewed branch.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as clock from "@/server/clock";
import { addDays, isoDateInTimeZone } from "@/server/domain/calendar";
import { shortfall } from "@/server/domain/branch-view";
import type { DashboardRow } from "@/server/domain/rollup";
import { callerForMember } from "@/tests/caller";
import { makeEntriesWithTotals, makeGoal, makeMetric, makeTestTree, type LoggedAmount } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { getBranchView, getWholeRollup } from "./get-branch-view";
import { loadGoalPlan } from "./load-goal-plan";
import { loadTeamScope } from "@/server/services/team/scope";
import { dropKeptViews } from "@/server/queries/branch-view-snapshot";
import { rollupKey } from "./branch-view-store";
import { KEEP_AHEAD_FOR_MS, keepViewsAhead, REFRESH_AFTER_MS } from "./keep-views-ahead";
import { clearRollupMemo, MEMO_STALE_MS, MEMO_TTL_MS } from "./rollup-memo";
import { forgetInstance, settleInstance } from "./instance-work";

const env = setUpTestDatabase({ tree: "none" });

const PERIODS = ["week", "month", "goal"] as const;
/** As at 100,000 members, scaled down: a branch of more than 2 rows is "big", and the memo keeps any roll-up. */
const big = { fullViewRows: 2, memo: { minRows: 1 } };
const numbers = ({ computedAt: _at, ...view }: Awaited<ReturnType<typeof getBranchView>>) => view;
const strip = <T extends DashboardRow>({ descendants: _d, ...row }: T & { descendants?: number }) => row;

describe("dashboard.view and dashboard.search", () => {
  let t: Awaited<ReturnType<typeof makeTestTree>>;
  let goalId: string;

  beforeAll(async () => {
    t = await makeTestTree(env.db);
    const today = isoDateInTimeZone(clock.nowMs(), "Europe/London");
    const metric = await makeMetric(env.db, { teamId: t.team.id, key: "sales", kind: "RESULT", unit: "MONEY" });
    const goal = await makeGoal(env.db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId: metric.id,
      target: 700_001,
      startDate: addDays(today, -30),
      deadline: addDays(today, 30),
    });
    goalId = goal.id;
    // Some log a lot, some a little, two nothing: every pace appears.
    const amounts: [string, number][] = [
      [t.leaderA.id, 9_000],
      [t.memberA1.id, 400],
      [t.memberA1a.id, 20_000],
      [t.memberB1.id, 50],
      [t.leaderB.id, 3_000],
    ];
    const logged: LoggedAmount[] = [];
    for (const [membershipId, amount] of amounts)
      for (let d = -20; d <= 0; d += 2) logged.push({ membershipId, day: addDays(today, d), amount });
    await makeEntriesWithTotals(env.db, { teamId: t.team.id, metricId: metric.id, entries: logged });
  });

  /** The owner's and leader A's scopes, the goal, and leader A's view of their branch (this week). */
  async function leaderSetUp() {
    const ownerScope = await loadTeamScope(env.db, { userId: t.owner.userId, teamId: t.team.id });
    const leaderScope = await loadTeamScope(env.db, { userId: t.leaderA.userId, teamId: t.team.id });
    const goal = await loadGoalPlan(env.db, ownerScope, { goalId });
    return { ownerScope, leaderScope, goal, leaderView: { goal, period: "week" as const, rootId: t.leaderA.id } };
  }

  it.each(PERIODS)("every root's view is the roll-up's own rows (%s)", async (period) => {
    const owner = await callerForMember(env.db, t.owner.id);
    for (const root of [t.owner, t.leaderA, t.memberA1, t.memberB1]) {
      const input = { teamId: t.team.id, goalId, period, rootId: root.id };
      const [full, view] = await Promise.all([owner.dashboard.rollup(input), owner.dashboard.view(input)]);
      expect(view.rootId).toBe(root.id);
      expect(view.rows).toEqual(full.rows);
      expect(strip(view.root)).toEqual(full.rows[0]);
      expect(view.size).toBe(full.rows.length);
      expect(view.root.descendants).toBe(full.rows.length - 1);
      expect(view.children.map(strip)).toEqual(full.rows.filter((r) => r.parentId === root.id));
      const behind = full.rows
        .slice(1)
        .filter((r) => r.role !== "LEFT" && (r.ownStatus === "at_risk" || r.ownStatus === "behind"))
        .sort((a, b) => shortfall(b) - shortfall(a) || a.name.localeCompare(b.name));
      if (root === t.owner) expect(behind.length).toBeGreaterThan(0);
      expect(view.offPaceCount).toBe(behind.length);
      expect(view.offPace.map(strip)).toEqual(behind.slice(0, 10));
      expect(view.root.below.offPace).toBe(behind.length);
      // The tiles' numbers: the same as the review's and the digest's (they read the same roll-up).
      expect(view.goalAsOf).toBe(full.goalAsOf);
      expect(view.remainingWorkingDays).toBe(full.remainingWorkingDays);
    }
  });

  it("the breadcrumb runs from the viewer's top of the goal down to the viewed node", async () => {
    const owner = await callerForMember(env.db, t.owner.id);
    const leaderA = await callerForMember(env.db, t.leaderA.id);
    const base = { teamId: t.team.id, goalId, period: "week" as const };
    expect((await owner.dashboard.view(base)).crumbs.map((c) => c.name)).toEqual(["Olivia Owner"]);
    expect((await owner.dashboard.view({ ...base, rootId: t.memberA1a.id })).crumbs.map((c) => c.name)).toEqual([
      "Olivia Owner",
      "Leo Leader A",
      "Mia A1",
      "Max A1a",
    ]);
    // A leader's breadcrumb starts at their own node: nothing above them is named.
    expect((await leaderA.dashboard.view({ ...base, rootId: t.memberA1a.id })).crumbs.map((c) => c.name)).toEqual([
      "Leo Leader A",
      "Mia A1",
      "Max A1a",
    ]);
  });

  it("a big branch comes without its rows, with the same numbers", async () => {
    const scope = await loadTeamScope(env.db, { userId: t.owner.userId, teamId: t.team.id });
    const goal = await loadGoalPlan(env.db, scope, { goalId });
    const small = await getBranchView(env.db, scope, { goal, period: "goal", rootId: t.owner.id });
    const big = await getBranchView(env.db, scope, { goal, period: "goal", rootId: t.owner.id }, { fullViewRows: 3 });
    expect(small.rows).not.toBeNull();
    expect(big.rows).toBeNull();
    expect(big.root).toEqual(small.root);
    expect(big.children).toEqual(small.children);
    expect(big.offPace).toEqual(small.offPace);
  });

  it("a leader's first view is served from the goal's whole roll-up once kept, with their own branch's numbers", async () => {
    const { ownerScope, leaderScope, leaderView } = await leaderSetUp();
    const memo = { minRows: 1 }; // the memo keeps this small team's roll-ups as it keeps a 5,000-member one's
    const start = clock.nowMs();
    clearRollupMemo();
    try {
      const own = await getBranchView(env.db, leaderScope, leaderView); // their own branch, read fresh, not kept
      clock.pinClock(start, { frozen: true });
      const top = await getBranchView(env.db, ownerScope, { ...leaderView, rootId: t.owner.id }, { memo });
      clock.pinClock(start + 1_000, { frozen: true });
      const served = await getBranchView(env.db, leaderScope, leaderView, { memo });
      expect(served.computedAt.getTime()).toBe(top.computedAt.getTime()); // the owner's read, a second ago
      expect(numbers(served)).toEqual(numbers(own));
      // Stale: served at once while ONE read of the goal's whole tree (as the whole team: the leader's refresh)
      // replaces it; then the new read serves the leader, with the same numbers.
      clock.pinClock(start + MEMO_TTL_MS, { frozen: true });
      expect((await getBranchView(env.db, leaderScope, leaderView, { memo })).computedAt.getTime()).toBe(start);
      await new Promise((r) => setTimeout(r, 500));
      const renewed = await getBranchView(env.db, leaderScope, leaderView, { memo });
      expect(renewed.computedAt.getTime()).toBe(start + MEMO_TTL_MS);
      expect(numbers(renewed)).toEqual(numbers(own));
    } finally {
      clearRollupMemo();
      clock.pinClock(start);
    }
  });

  it("a big branch's first view is kept for every instance: served from one row until the memo's limit", async () => {
    const { ownerScope, leaderScope, leaderView } = await leaderSetUp();
    const kept = () =>
      env.db.branchViewSnapshot.findMany({
        where: { goalId },
        select: { membershipId: true, computedAt: true },
        orderBy: { membershipId: "asc" },
      });
    const start = clock.nowMs();
    clearRollupMemo();
    await dropKeptViews(env.db, goalId);
    try {
      clock.pinClock(start, { frozen: true });
      const own = await getBranchView(env.db, leaderScope, leaderView, { fullViewRows: 2 }); // read fresh, not kept
      await settleInstance();
      expect(await kept()).toEqual([]);

      // The owner's read keeps the goal's roll-up on this instance and, in the background, every big branch's view.
      await getBranchView(env.db, ownerScope, { ...leaderView, rootId: t.owner.id }, big);
      await settleInstance();
      const at = new Date(start);
      expect(await kept()).toEqual(
        [t.owner.id, t.leaderA.id].sort().map((membershipId) => ({ membershipId, computedAt: at })),
      );

      // Another instance (its memo empty), a second later: the leader's view is the kept row, the same numbers.
      await forgetInstance();
      clock.pinClock(start + 1_000, { frozen: true });
      const served = await getBranchView(env.db, leaderScope, leaderView, big);
      expect(served.computedAt.getTime()).toBe(start);
      expect(numbers(served)).toEqual(numbers(own));
      expect(served.crumbs.map((c) => c.name)).toEqual(["Leo Leader A"]); // the viewer's own breadcrumb
      // Behind the answer, that instance read the viewer's top once and kept it, and its branches' views anew; the
      // owner's view stays the owner's read (the leader's read reaches only their own branch).
      await settleInstance();
      expect(await kept()).toEqual([
        ...[t.owner.id, t.leaderA.id].sort().map((membershipId) => ({
          membershipId,
          computedAt: new Date(membershipId === t.owner.id ? start : start + 1_000),
        })),
      ]);
      // So a small branch (never a kept view) is a lookup there now.
      const small = await getBranchView(env.db, leaderScope, { ...leaderView, rootId: t.memberA1.id }, big);
      expect(small.computedAt.getTime()).toBe(start + 1_000);
      expect(small.rows).not.toBeNull();

      // Past the memo's stale limit a kept view is never served: the branch is read now.
      await forgetInstance();
      const late$ = start + 1_000 + MEMO_STALE_MS;
      clock.pinClock(late$, { frozen: true });
      const late = await getBranchView(env.db, leaderScope, leaderView, big);
      expect(late.computedAt.getTime()).toBe(late$);
      expect(numbers(late)).toEqual(numbers(own));
      // Its write replaced the leader's view; the owner's, too old to be served, is read now too.
      await settleInstance();
      const row = async (id: string) => (await kept()).find((k) => k.membershipId === id)?.computedAt.getTime();
      expect(await row(t.leaderA.id)).toBe(late$);
      expect(await row(t.owner.id)).toBe(start);
      await forgetInstance();
      const ownerLate = await getBranchView(env.db, ownerScope, { ...leaderView, rootId: t.owner.id }, big);
      expect(ownerLate.computedAt.getTime()).toBe(late$);
    } finally {
      await forgetInstance();
      await dropKeptViews(env.db, goalId);
      clock.pinClock(start);
    }
  });

  it("the keep-ahead job keeps a goal's views fresh for eight days after a person asked for them", async () => {
    const { ownerScope, leaderScope, leaderView } = await leaderSetUp();
    const leaderRow = () =>
      env.db.branchViewSnapshot.findMany({
        where: { goalId, membershipId: t.leaderA.id },
        select: { key: true, period: true, computedAt: true, requestedAt: true },
      });
    const ahead = () => keepViewsAhead(env.db, { minSize: 2 });
    const start = clock.nowMs();
    clearRollupMemo();
    await dropKeptViews(env.db, goalId);
    try {
      clock.pinClock(start, { frozen: true });
      expect(await ahead()).toEqual({ goals: 0, views: 0, failed: 0 }); // nobody asked: nothing is read
      await getBranchView(env.db, ownerScope, { ...leaderView, rootId: t.owner.id }, big); // a person's read
      await settleInstance();
      const [first] = await leaderRow();
      expect(first).toMatchObject({ period: "week", computedAt: new Date(start), requestedAt: new Date(start) });

      clock.pinClock(start + 60_000, { frozen: true });
      expect(await ahead()).toEqual({ goals: 0, views: 0, failed: 0 }); // fresh enough

      // Before the views age past what may be served, the job reads the goal again (as its root) and keeps them.
      const due = start + REFRESH_AFTER_MS;
      clock.pinClock(due, { frozen: true });
      expect(await ahead()).toEqual({ goals: 1, views: 2, failed: 0 });
      expect(await leaderRow()).toEqual([{ ...first, computedAt: new Date(due) }]); // the request stays the person's
      await forgetInstance(); // another instance
      const served = await getBranchView(env.db, leaderScope, leaderView, big);
      expect(served.computedAt.getTime()).toBe(due);
      const fresh = await getBranchView(env.db, leaderScope, leaderView, { fullViewRows: 2 });
      expect(numbers(served)).toEqual(numbers(fresh));
      await settleInstance(); // serving it recorded the request (a minute after the last)
      expect((await leaderRow())[0]!.requestedAt).toEqual(new Date(due));

      // The next day the views are of another day: the job keeps the new day's before anyone reads them.
      const nextDay = due + 24 * 60 * 60_000;
      clock.pinClock(nextDay, { frozen: true });
      const nextScope = await loadTeamScope(env.db, { userId: t.leaderA.userId, teamId: t.team.id });
      expect(nextScope.today).not.toBe(leaderScope.today);
      expect(await ahead()).toEqual({ goals: 1, views: 2, failed: 0 });
      const morning = await getBranchView(env.db, nextScope, leaderView, big);
      expect(morning.computedAt.getTime()).toBe(nextDay);
      expect((await leaderRow()).map((r) => r.key)).toEqual([rollupKey(nextScope, leaderView)]); // yesterday's gone

      await settleInstance();
      expect((await leaderRow())[0]!.requestedAt).toEqual(new Date(nextDay)); // the morning's read is a request

      // Eight days after the last request (a week and a day: past the next weekly meeting), nothing is read any more.
      clock.pinClock(nextDay + KEEP_AHEAD_FOR_MS - 60_000, { frozen: true });
      expect(await ahead()).toEqual({ goals: 1, views: 2, failed: 0 });
      clock.pinClock(nextDay + KEEP_AHEAD_FOR_MS + 60_000, { frozen: true });
      expect(await ahead()).toEqual({ goals: 0, views: 0, failed: 0 });
    } finally {
      await forgetInstance();
      await dropKeptViews(env.db, goalId);
      clock.pinClock(start);
    }
  });

  it("a kept view never lets a viewer past the branch check: a member of another branch is refused", async () => {
    // The procedure checks the branch before any read, and answers as if the branch did not exist.
    const memberB1 = await callerForMember(env.db, t.memberB1.id);
    const input = { teamId: t.team.id, goalId, period: "week" as const, rootId: t.leaderA.id };
    const { ownerScope, goal } = await leaderSetUp();
    clearRollupMemo();
    try {
      await getBranchView(env.db, ownerScope, { goal, period: "week", rootId: t.owner.id }, big);
      await settleInstance();
      expect(await env.db.branchViewSnapshot.count({ where: { goalId } })).toBe(2);
      await expect(memberB1.dashboard.view(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(memberB1.dashboard.view({ ...input, rootId: t.owner.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    } finally {
      await forgetInstance();
      await dropKeptViews(env.db, goalId);
    }
  });

  it("dashboard.rollup (every row at once) refuses a branch over its limit with a sentence; the view still answers", async () => {
    const scope = await loadTeamScope(env.db, { userId: t.owner.userId, teamId: t.team.id });
    const goal = await loadGoalPlan(env.db, scope, { goalId });
    const input = { goal, period: "week" as const, rootId: t.owner.id };
    await expect(getWholeRollup(env.db, scope, input, { maxRows: 6 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("This branch has 7 members, too many to send at once (at most 6)"),
    });
    expect((await getWholeRollup(env.db, scope, input, { maxRows: 7 })).rows).toHaveLength(7);
    expect((await getWholeRollup(env.db, scope, { ...input, rootId: t.leaderA.id }, { maxRows: 6 })).rows).toHaveLength(
      4,
    );
  });

  it("search finds members of the viewed branch only, with the path to each", async () => {
    const owner = await callerForMember(env.db, t.owner.id);
    const leaderA = await callerForMember(env.db, t.leaderA.id);
    const base = { teamId: t.team.id, goalId, period: "week" as const };
    const found = await owner.dashboard.search({ ...base, query: "  max " });
    expect(found.query).toBe("max");
    expect(found.total).toBe(1);
    expect(found.matches[0]!.row.id).toBe(t.memberA1a.id);
    expect(found.matches[0]!.path).toEqual(["Olivia Owner", "Leo Leader A", "Mia A1"]);
    // The owner's "Leader" matches both leaders; leader A's search never reaches leader B or above.
    expect((await owner.dashboard.search({ ...base, query: "leader" })).total).toBe(2);
    expect((await leaderA.dashboard.search({ ...base, query: "leader" })).total).toBe(0);
    expect((await leaderA.dashboard.search({ ...base, query: "ben" })).total).toBe(0);
    expect((await leaderA.dashboard.search({ ...base, query: "Mo" })).matches.map((m) => m.row.id)).toEqual([
      t.memberA2.id,
    ]);
    // A branch beside the viewer's is not there for them.
    await expect(leaderA.dashboard.search({ ...base, rootId: t.leaderB.id, query: "ben" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(leaderA.dashboard.view({ ...base, rootId: t.memberB1.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("an empty or oversized search is refused with a sentence", async () => {
    const owner = await callerForMember(env.db, t.owner.id);
    const base = { teamId: t.team.id, goalId, period: "week" as const };
    const empty = await owner.dashboard.search({ ...base, query: "   " }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(TRPCError);
    expect((empty as TRPCError).code).toBe("BAD_REQUEST");
    expect((empty as TRPCError).message).toContain("Type a name to search");
    const long = await owner.dashboard.search({ ...base, query: "x".repeat(81) }).catch((e: unknown) => e);
    expect((long as TRPCError).message).toContain("at most 80 characters");
  });
});
