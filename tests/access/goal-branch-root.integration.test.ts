/**
 * A goal's numbers exist only for its branch (issue 16): the dashboard's roll-up and charts and the weekly review
 * read a goal for a subtree inside the goal's branch. A root above the branch (a leader looking at a goal they set
 * for a member's branch) reads the branch; a root beside it is NOT_FOUND, even for someone who may see both — so no
 * review of a goal is ever started for people the goal does not cover (and then shown to a leader who cannot see
 * the goal).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db-client";
import { createTestDatabase } from "@/tests/setup/test-db";
import { makeWorld, type World } from "./world";

let database: Database;
let w: World;
let goalId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await makeWorld(database.db);
  // leaderA's goal for memberA1's branch (memberA1, memberA1a), published.
  await w.callerAs("upline").goal.publish({ teamId: w.team.id, goalId: w.draft.id, version: w.draft.version });
  goalId = w.draft.id;
});
afterAll(() => database?.close());

describe("goal reads stay inside the goal's branch", () => {
  it("a root above the branch reads the branch; the default root of a leader above it too", async () => {
    const leaderA = w.callerAs("upline");
    const teamId = w.team.id;
    const explicit = await leaderA.dashboard.rollup({ teamId, goalId, rootId: w.leaderA.id });
    expect(explicit.rootId).toBe(w.memberA1.id);
    expect(explicit.rows.map((r) => r.id).sort()).toEqual([w.memberA1.id, w.memberA1a.id].sort());
    const byDefault = await leaderA.dashboard.rollup({ teamId, goalId });
    expect(byDefault.rootId).toBe(w.memberA1.id);
    const owner = w.callerAs("owner");
    expect((await owner.dashboard.rollup({ teamId, goalId })).rootId).toBe(w.memberA1.id);
    // Inside the branch: as asked.
    expect((await leaderA.dashboard.rollup({ teamId, goalId, rootId: w.memberA1a.id })).rootId).toBe(w.memberA1a.id);
  });

  it("a root beside the branch is NOT_FOUND for rollup, charts and review.start, and no review is written", async () => {
    const teamId = w.team.id;
    const before = await database.db.weeklyReview.count();
    for (const caller of [w.callerAs("upline"), w.callerAs("owner")]) {
      await expect(caller.dashboard.rollup({ teamId, goalId, rootId: w.memberA2.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "That member is not in this goal's branch.",
      });
      await expect(caller.dashboard.charts({ teamId, goalId, rootId: w.memberA2.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(caller.review.start({ teamId, goalId, rootId: w.memberA2.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    expect(await database.db.weeklyReview.count()).toBe(before);
  });

  it("the goal picker opens on the team's main goal, else on a goal for the whole team, before a branch's", async () => {
    const teamId = w.team.id;
    const order = async () => (await w.callerAs("upline").dashboard.goals({ teamId })).map((g) => [g.id, g.main]);
    // Both end the same day and the branch goal is newer (it would come first by deadline), yet the team-wide goal leads.
    expect(await order()).toEqual([
      [w.goal.id, false],
      [goalId, false],
    ]);
    await w.callerAs("owner").goal.setMain({ teamId, goalId, main: true });
    try {
      expect(await order()).toEqual([
        [goalId, true],
        [w.goal.id, false],
      ]);
    } finally {
      await w.callerAs("owner").goal.setMain({ teamId, goalId, main: false });
    }
  });

  it("a review of the goal started from above is rooted at the goal's root", async () => {
    const started = await w.callerAs("owner").review.start({ teamId: w.team.id, goalId });
    const review = await database.db.weeklyReview.findUniqueOrThrow({ where: { id: started.id } });
    expect(review.rootMembershipId).toBe(w.memberA1.id);
  });
});
