/**
 * A big goal's dashboard is read ahead of its first viewer once a change to its targets commits — created published,
 * published, changed, re-planned, a proposal accepted — and its kept views are keyed by the goal's version, so no
 * viewer ever sees targets from before a change. Here the thresholds are lowered so the 7-member test tree is "big"
 * (as at 100,000 members); with the product's thresholds a small team is never read ahead.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as clock from "@/server/clock";
import { addDays } from "@/server/domain/calendar";
import { dropKeptViews } from "@/server/queries/branch-view-snapshot";
import { applyGoalChange } from "@/server/services/goal/apply-goal-change";
import { createGoal } from "@/server/services/goal/create-goal";
import { decideProposal } from "@/server/services/goal/decide-proposal";
import { loadGoalRow } from "@/server/services/goal/goal-access";
import { proposeTarget } from "@/server/services/goal/propose-target";
import { publishGoal } from "@/server/services/goal/publish-goal";
import { applyReplanRest } from "@/server/services/goal/replan-rest";
import { loadTeamScope, type TeamScope } from "@/server/services/team/scope";
import { goalInput, makeMetric } from "@/tests/factories";
import { forgetInstance, settleInstance } from "./instance-work";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { indexBranches } from "@/server/domain/branch-view";
import { keepFirstViewsLater, rollupKey } from "./branch-view-store";
import { getRollup } from "./get-rollup";
import { getBranchView, OFF_PACE_LIMIT } from "./get-branch-view";
import { loadGoalPlan } from "./load-goal-plan";
import { warmGoalDashboard, type WarmOptions } from "./warm-goal-dashboard";

const env = setUpTestDatabase();
/** As at 100,000 members, scaled down: a branch of more than 2 rows is "big", and the memo keeps any roll-up. */
const big = { fullViewRows: 2, memo: { minRows: 1 } };
const warm = { warm: big };
/** What a viewer reads of a big branch: its numbers (not when they were read, nor the rows a small one comes with). */
const numbers = (view: Awaited<ReturnType<typeof getBranchView>>) => ({
  root: view.root,
  children: view.children,
  offPace: view.offPace,
  offPaceCount: view.offPaceCount,
  size: view.size,
  goalAsOf: view.goalAsOf,
});

describe("a big goal's dashboard is read ahead of its first viewer", () => {
  let owner: TeamScope;
  let leader: TeamScope;
  let metricId: string;
  let today: string;
  const start = Date.UTC(2027, 2, 3, 9, 0, 0); // Wed 3 Mar 2027, 09:00 in London

  beforeAll(async () => {
    clock.pinClock(start, { frozen: true });
    owner = await loadTeamScope(env.db, { userId: env.t.owner.userId, teamId: env.t.team.id });
    leader = await loadTeamScope(env.db, { userId: env.t.leaderA.userId, teamId: env.t.team.id });
    today = owner.today;
    metricId = (await makeMetric(env.db, { teamId: env.t.team.id, key: "sales", kind: "RESULT", unit: "MONEY" })).id;
  });
  afterEach(async () => {
    await forgetInstance();
    clock.pinClock(start, { frozen: true });
  });
  afterAll(() => clock.resetClock());

  const fields = (name: string, publish: boolean) =>
    goalInput({ name, metricId, target: 70_000, startDate: addDays(today, -2), deadline: addDays(today, 40), publish });
  /** A goal of the whole team made by the owner through the service (published or a draft), read ahead as big. */
  const create = (name: string, publish: boolean) =>
    createGoal(env.db, owner, { ...fields(name, publish), rootMembershipId: env.t.owner.id }, warm);
  /** The goal's kept views: who, under which key, read and asked for when. */
  const kept = (goalId: string) =>
    env.db.branchViewSnapshot.findMany({
      where: { goalId },
      select: { membershipId: true, key: true, computedAt: true, requestedAt: true },
      orderBy: [{ computedAt: "asc" }, { membershipId: "asc" }],
    });
  const keyNow = async (goalId: string) =>
    rollupKey(owner, { goal: await loadGoalPlan(env.db, owner, { goalId }), period: "week" });
  const leaderView = async (goalId: string, options: Parameters<typeof getBranchView>[3] = big) =>
    getBranchView(
      env.db,
      leader,
      { goal: await loadGoalPlan(env.db, leader, { goalId }), period: "week", rootId: env.t.leaderA.id },
      options,
    );
  /** The owner sets leader A's personal target by hand (a change of the goal's targets, read ahead as `options` say). */
  const setLeaderTarget = async (goalId: string, personal: number, options: { warm: WarmOptions }) => {
    const row = await loadGoalRow(env.db, { teamId: env.t.team.id, goalId });
    return applyGoalChange(
      env.db,
      owner,
      { goalId, version: row.version, change: { kind: "override", membershipId: env.t.leaderA.id, personal } },
      options,
    );
  };
  /** Leader A's branch read now from the tables: nothing kept is served, nothing is kept. */
  const freshView = (goalId: string) => leaderView(goalId, { fullViewRows: 1_000, memo: { minRows: 1e9 } });

  it("a goal created published: its views are kept before anyone asks, and a new instance serves them", async () => {
    const created = await create("Created published", true);
    await settleInstance();
    const at = new Date(start);
    const key = await keyNow(created.id);
    expect(await kept(created.id)).toEqual(
      [env.t.owner.id, env.t.leaderA.id]
        .sort()
        .map((membershipId) => ({ membershipId, key, computedAt: at, requestedAt: at })),
    );
    // A leader on another instance a minute later: the kept row, with the numbers a fresh read gives.
    await forgetInstance();
    clock.pinClock(start + 60_000, { frozen: true });
    const served = await leaderView(created.id);
    expect(served.computedAt).toEqual(at);
    expect(numbers(served)).toEqual(numbers(await freshView(created.id)));
  });

  it("a draft published later is read ahead at its publishing; a draft is not", async () => {
    const draft = await create("Drafted", false);
    await settleInstance();
    expect(await kept(draft.id)).toEqual([]);
    clock.pinClock(start + 5_000, { frozen: true });
    await publishGoal(env.db, owner, { goalId: draft.id, version: draft.version }, warm);
    await settleInstance();
    const rows = await kept(draft.id);
    expect(rows.map((r) => r.membershipId).sort()).toEqual([env.t.owner.id, env.t.leaderA.id].sort());
    expect(rows.every((r) => r.computedAt.getTime() === start + 5_000 && r.key === rows[0]!.key)).toBe(true);
  });

  it("a change to the goal's targets is on the dashboard at once, and read ahead under the goal's new version", async () => {
    const goal = await create("Changed", true);
    await settleInstance();
    const before = await leaderView(goal.id); // kept on this instance and in the database
    expect(before.computedAt.getTime()).toBe(start);
    const keyBefore = await keyNow(goal.id);

    clock.pinClock(start + 30_000, { frozen: true }); // well inside the memo's freshness
    await setLeaderTarget(goal.id, 20_000, warm);
    // Asked at once, on the instance still holding the roll-up of before: the new targets.
    const after = await leaderView(goal.id);
    expect(after.computedAt.getTime()).toBe(start + 30_000);
    expect(numbers(after)).toEqual(numbers(await freshView(goal.id)));
    expect(after.root.ownTarget).toBeGreaterThan(before.root.ownTarget); // the week's share of 20,000, not of 10,000
    await settleInstance();
    const keyAfter = await keyNow(goal.id);
    expect(keyAfter).not.toBe(keyBefore);
    const fresh = (await kept(goal.id)).filter((r) => r.key === keyAfter);
    expect(fresh.map((r) => r.membershipId).sort()).toEqual([env.t.owner.id, env.t.leaderA.id].sort());
    // Another instance serves the new version's kept view: the same numbers as a fresh read.
    await forgetInstance();
    const served = await leaderView(goal.id);
    expect(served.computedAt.getTime()).toBe(start + 30_000);
    expect(numbers(served)).toEqual(numbers(after));
  });

  it("an accepted proposal and a re-plan read the dashboard ahead under the new version; a declined one does not", async () => {
    const goal = await create("Proposed", true);
    await settleInstance();
    const keys = async () => new Set((await kept(goal.id)).map((r) => r.key));
    const mia = await loadTeamScope(env.db, { userId: env.t.memberA1.userId, teamId: env.t.team.id });
    const propose = async (proposed: number) =>
      proposeTarget(env.db, mia, {
        goalId: goal.id,
        proposed,
        goal: await loadGoalRow(env.db, { teamId: env.t.team.id, goalId: goal.id }),
      });

    clock.pinClock(start + 10_000, { frozen: true });
    const declined = await propose(12_000);
    await decideProposal(env.db, leader, { proposalId: declined.id, decision: "DECLINE" }, warm);
    await settleInstance();
    expect(await keys()).toEqual(new Set([await keyNow(goal.id)])); // nothing changed, nothing read

    clock.pinClock(start + 20_000, { frozen: true });
    const accepted = await propose(12_500);
    await decideProposal(env.db, leader, { proposalId: accepted.id, decision: "ACCEPT" }, warm);
    await settleInstance();
    const afterAccept = await keyNow(goal.id);
    expect(await keys()).toContain(afterAccept);
    const served = await leaderView(goal.id);
    expect(served.computedAt.getTime()).toBe(start + 20_000);
    expect(numbers(served)).toEqual(numbers(await freshView(goal.id)));

    clock.pinClock(start + 40_000, { frozen: true });
    const row = await loadGoalRow(env.db, { teamId: env.t.team.id, goalId: goal.id });
    await applyReplanRest(
      env.db,
      mia,
      { goalId: goal.id, memberId: env.t.memberA1.id, branch: false, goal: row, version: row.version },
      warm,
    );
    await settleInstance();
    const afterReplan = await keyNow(goal.id);
    expect(afterReplan).not.toBe(afterAccept);
    const replanned = (await kept(goal.id)).filter((r) => r.key === afterReplan);
    expect(replanned.map((r) => r.computedAt.getTime())).toEqual([start + 40_000, start + 40_000]);
  });

  it("a burst of changes ends with the views of the newest version kept, at its numbers", async () => {
    const goal = await create("Burst", true);
    await settleInstance();
    const quick = { warm: { ...big, gapMs: 0 } };
    // Three changes saved one after the other, none waiting for the read ahead the one before started.
    for (const personal of [20_000, 21_000, 22_000]) await setLeaderTarget(goal.id, personal, quick);
    await settleInstance();
    const newest = await keyNow(goal.id);
    expect((await kept(goal.id)).filter((r) => r.key === newest).map((r) => r.membershipId)).toEqual(
      [env.t.owner.id, env.t.leaderA.id].sort(),
    );
    // Another instance serves the kept row: the last change's numbers.
    await forgetInstance();
    const served = await leaderView(goal.id);
    expect(numbers(served)).toEqual(numbers(await freshView(goal.id)));
  });

  it("with the product's thresholds a small team is never read ahead", async () => {
    const goal = await createGoal(env.db, owner, { ...fields("Small team", true), rootMembershipId: env.t.owner.id });
    await settleInstance();
    expect(await kept(goal.id)).toEqual([]);
    expect(await warmGoalDashboard(env.db, { teamId: env.t.team.id, goalId: goal.id })).toBe(false);
    // Big enough (thresholds lowered), it reads; a goal that is not published has no dashboard to read.
    expect(await warmGoalDashboard(env.db, { teamId: env.t.team.id, goalId: goal.id }, big)).toBe(true);
    const draft = await createGoal(env.db, owner, {
      ...fields("Still a draft", false),
      rootMembershipId: env.t.owner.id,
    });
    expect(await warmGoalDashboard(env.db, { teamId: env.t.team.id, goalId: draft.id }, big)).toBe(false);
    await settleInstance();
    expect(await kept(draft.id)).toEqual([]);
    await dropKeptViews(env.db, goal.id);
  });

  it("a goal deleted while its dashboard is read keeps nothing, and no failure is logged", async () => {
    const goal = await create("Deleted while read", false);
    await publishGoal(env.db, owner, { goalId: goal.id, version: goal.version }); // product thresholds: not read ahead
    const plan = await loadGoalPlan(env.db, owner, { goalId: goal.id });
    const result = await getRollup(env.db, owner, { goal: plan, period: "week", rootId: env.t.owner.id });
    const held = { result, index: indexBranches(result.rows), computedAt: clock.now() };
    await env.db.$transaction([
      env.db.targetChange.deleteMany({ where: { goalId: goal.id } }),
      env.db.goal.delete({ where: { id: goal.id } }),
    ]);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      // The read was under way when the goal went: its views are written after (here, in the background).
      keepFirstViewsLater(env.db, rollupKey(owner, { goal: plan, period: "week" }), held, {
        minSize: 2,
        offPaceLimit: OFF_PACE_LIMIT,
      });
      await settleInstance();
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    expect(await kept(goal.id)).toEqual([]);
    // The same write while the goal exists keeps its two big branches' views (the guard refuses only a missing goal).
    const other = await create("Kept while there", true);
    await settleInstance();
    expect((await kept(other.id)).length).toBe(2);
  });
});
