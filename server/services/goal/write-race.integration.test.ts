/**
 * A publish and a re-plan are worked out before their transaction, which holds only the writes (publish-goal.ts,
 * apply-goal-change.ts): whatever lands in between, the version guard decides. Two saves of the same version at
 * once — one wins, the other is refused and writes nothing — and a draft edited while it is published: either the
 * edit or the publish is refused, and the stored targets always add up to the goal's stored target. On PostgreSQL
 * the two run on two connections at once; on PGlite one after the other. The clock is the scope's day (2026-11-01).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { targetTable } from "@/tests/target-table";
import { goalInput, makeMetric } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { loadTeamScope, type TeamScope } from "@/server/services/team/scope";
import { applyGoalChange } from "./apply-goal-change";
import { createGoal } from "./create-goal";
import { loadGoalRow } from "./goal-access";
import { publishGoal } from "./publish-goal";
import { updateDraftGoal } from "./update-draft-goal";

const env = setUpTestDatabase({ tree: "each" });
let scope: TeamScope;
let metricId: string;

beforeEach(async () => {
  const t = env.t;
  scope = { ...(await loadTeamScope(env.db, { teamId: t.team.id, userId: t.owner.userId })), today: "2026-11-01" };
  metricId = (await makeMetric(env.db, { teamId: t.team.id, key: "volume", kind: "RESULT", unit: "COUNT" })).id;
});

const input = (target: number, publish: boolean) =>
  goalInput({ name: "Race", metricId, target, startDate: "2026-11-02", deadline: "2027-01-29", publish });

/** The goal's stored target, version and status, and what its stored targets add up to (the root's team target). */
async function stored(goalId: string) {
  const goal = await env.db.goal.findUniqueOrThrow({ where: { id: goalId } });
  const rows = await targetTable(env.db).findMany({ where: { goalId } });
  const personal = rows.reduce((s, r) => s + r.personal, 0);
  const root = rows.find((r) => r.membershipId === env.t.owner.id);
  return { goal, personal, rootTeam: root?.team ?? null, members: rows.length };
}

const outcome = (r: PromiseSettledResult<unknown>) =>
  r.status === "fulfilled" ? "saved" : (r.reason as { code?: string }).code;

describe("saves worked out before their transaction", () => {
  it("two re-plans of the same version at once: one is saved whole, the other refused with nothing of it written", async () => {
    const created = await createGoal(env.db, scope, { ...input(7_000, true), rootMembershipId: env.t.owner.id });
    const at = { goalId: created.id, version: created.version };
    const results = await Promise.allSettled([
      applyGoalChange(env.db, scope, { ...at, change: { kind: "target", target: 14_000 } }),
      applyGoalChange(env.db, scope, { ...at, change: { kind: "target", target: 21_000 } }),
    ]);
    expect(results.map(outcome).sort()).toEqual(["CONFLICT", "saved"]);
    const after = await stored(created.id);
    const won = results[0]!.status === "fulfilled" ? 14_000 : 21_000;
    expect(after.goal).toMatchObject({ target: won, version: created.version + 1 });
    expect(after).toMatchObject({ personal: won, rootTeam: won, members: 7 });
    // One history row for the publish, one for the change that won.
    expect(await env.db.targetChange.count({ where: { goalId: created.id, field: "target" } })).toBe(1);
  });

  it("a draft edited while it is published: whichever wins, the targets add up to the stored target", async () => {
    const draft = await createGoal(env.db, scope, { ...input(7_000, false), rootMembershipId: env.t.owner.id });
    const goal = await loadGoalRow(env.db, { teamId: env.t.team.id, goalId: draft.id });
    const results = await Promise.allSettled([
      publishGoal(env.db, scope, { goalId: draft.id, version: draft.version }),
      updateDraftGoal(env.db, scope, {
        ...input(70_000, false),
        goal,
        goalId: draft.id,
        version: draft.version,
        rootMembershipId: env.t.owner.id,
      }),
    ]);
    expect(results.map(outcome).sort()).toEqual(["CONFLICT", "saved"]);
    const after = await stored(draft.id);
    if (results[0]!.status === "fulfilled") {
      expect(after.goal).toMatchObject({ status: "PUBLISHED", target: 7_000 });
      expect(after).toMatchObject({ personal: 7_000, rootTeam: 7_000, members: 7 });
    } else {
      expect(after.goal).toMatchObject({ status: "DRAFT", target: 70_000 });
      expect(after.members).toBe(0);
    }
  });

  it("a publish of a version already moved on is refused before anything is read or written", async () => {
    const draft = await createGoal(env.db, scope, { ...input(7_000, false), rootMembershipId: env.t.owner.id });
    await expect(publishGoal(env.db, scope, { goalId: draft.id, version: draft.version + 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Someone else changed this goal"),
    });
    expect((await stored(draft.id)).goal.status).toBe("DRAFT");
  });
});
