/**
 * A re-plan for saving reads only the names it can show (`names: false`): the member a change is about and, for a
 * conflict's message, the overridden members and their uplines — so what a save says is word for word what the
 * preview said, without reading the whole team's names. The goal is March 2027's (the clock is pinned by its dates).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { makeMarchSalesGoal, makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import type { TGoalChange } from "@/server/schemas/goal";
import type { IsoDate } from "@/server/domain/calendar";
import { loadGoalRow } from "./goal-access";
import { planGoalChange } from "./plan-goal-change";

const env = setUpTestDatabase({ tree: "each" });
const asOf = "2027-03-17" as IsoDate;
let goalId: string;

beforeEach(async () => {
  const t = env.t;
  const metricId = (await makeMetric(env.db, { teamId: t.team.id, key: "sales", kind: "RESULT", unit: "COUNT" })).id;
  goalId = (await makeMarchSalesGoal(env.db, t, metricId)).id;
});

async function planBoth(change: TGoalChange) {
  const goal = await loadGoalRow(env.db, { teamId: env.t.team.id, goalId });
  const preview = await planGoalChange(env.db, { goal, change, asOf });
  const save = await planGoalChange(env.db, { goal, change, asOf, names: false });
  return { preview, save };
}

describe("planGoalChange without the team's names (saving)", () => {
  it("a conflict names the head of the team above the override, as in the preview", async () => {
    const t = env.t;
    // Ben (under Lara, under Olivia) asks for more than the whole goal: Olivia's team is the group in conflict.
    const { preview, save } = await planBoth({ kind: "override", membershipId: t.memberB1.id, personal: 5_000 });
    expect(preview.conflicts.map((c) => c.message)).toEqual([
      expect.stringContaining("The fixed targets in Olivia Owner's team add up to 5,000"),
    ]);
    expect(save.conflicts.map((c) => c.message)).toEqual(preview.conflicts.map((c) => c.message));
  });

  it("a conflict inside a branch names its head, an overridden upline", async () => {
    const t = env.t;
    const goal = await loadGoalRow(env.db, { teamId: t.team.id, goalId });
    // Leo's team is held at 500 while Mia asks for 600 of it.
    const { preview, save } = await planBoth({ kind: "override", membershipId: t.memberA1.id, personal: 600 });
    expect(preview.conflicts).toEqual([]);
    expect(save.diff.find((d) => d.membershipId === t.memberA1.id)).toMatchObject({ name: "Mia A1" });
    const { applyGoalChange } = await import("./apply-goal-change");
    const { loadTeamScope } = await import("@/server/services/team/scope");
    const scope = { ...(await loadTeamScope(env.db, { teamId: t.team.id, userId: t.owner.userId })), today: asOf };
    await applyGoalChange(env.db, scope, {
      goalId,
      version: goal.version,
      change: { kind: "override", membershipId: t.leaderA.id, team: 500 },
    });
    const again = await planBoth({ kind: "override", membershipId: t.memberA1.id, personal: 600 });
    expect(again.preview.conflicts.map((c) => c.message)).toEqual([
      expect.stringContaining("The fixed targets in Leo Leader A's team add up to 600"),
    ]);
    expect(again.save.conflicts.map((c) => c.message)).toEqual(again.preview.conflicts.map((c) => c.message));
  });

  it("names the change's member and no one it cannot show, with the same numbers as the preview", async () => {
    const t = env.t;
    const { preview, save } = await planBoth({ kind: "override", membershipId: t.memberA2.id, personal: 300 });
    const byId = (diff: typeof save.diff) => new Map(diff.map((d) => [d.membershipId, d]));
    const named = byId(save.diff);
    expect(named.get(t.memberA2.id)!.name).toBe("Mo A2");
    // Mo's uplines are read (a conflict could name them); Ben, in the other branch, is not.
    expect(save.computed.members.find((m) => m.id === t.leaderA.id)!.name).toBe("Leo Leader A");
    expect(named.get(t.memberB1.id)!.name).toBe("");
    expect(preview.diff.find((d) => d.membershipId === t.memberB1.id)!.name).toBe("Ben B1");
    const numbers = (diff: typeof save.diff) => diff.map(({ name: _name, ...rest }) => rest);
    expect(numbers(save.diff)).toEqual(numbers(preview.diff));
    expect(save.diff.length).toBeGreaterThan(1);
  });
});
