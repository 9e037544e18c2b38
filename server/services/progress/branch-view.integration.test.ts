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
import { clearRollupMemo, MEMO_TTL_MS } from "./rollup-memo";

const env = setUpTestDatabase({ tree: "none" });

const PERIODS = ["week", "month", "goal"] as const;
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
    const ownerScope = await loadTeamScope(env.db, { userId: t.owner.userId, teamId: t.team.id });
    const leaderScope = await loadTeamScope(env.db, { userId: t.leaderA.userId, teamId: t.team.id });
    const goal = await loadGoalPlan(env.db, ownerScope, { goalId });
    const leaderView = { goal, period: "week" as const, rootId: t.leaderA.id };
    const memo = { minRows: 1 }; // the memo keeps this small team's roll-ups as it keeps a 5,000-member one's
    const numbers = ({ computedAt: _at, ...view }: Awaited<ReturnType<typeof getBranchView>>) => view;
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
