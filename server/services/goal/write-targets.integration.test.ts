/**
 * Publishing and re-planning write every member's target in bulk and the history as one goal-level row per change
 * (server/queries/goal-targets.ts): the rows are the cascade's, versions move on, each member's history shows their own from → to
 * newest first in the order it was written, and the number of queries does not grow with the team.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { targetTable } from "@/tests/target-table";
import type { Db } from "@/server/db-client";
import type { TCreateGoalInput } from "@/server/schemas/goal";
import { loadTeamScope, type TeamScope } from "@/server/services/team/scope";
import { setUpTestDatabase, type TestTree } from "@/tests/setup/integration";
import { addMember, goalInput, makeFunnelMetrics, makeTestTree } from "@/tests/factories";
import { decodeSplit } from "@/server/domain/goal-split";
import { applyGoalChange } from "./apply-goal-change";
import { createGoal } from "./create-goal";
import { listGoalHistory } from "./list-goal-history";

const env = setUpTestDatabase({ tree: "once" });
let t: TestTree;
let m: Awaited<ReturnType<typeof makeFunnelMetrics>>;
/** The tree owner's scope on 1 Nov 2026 (before the goals start). */
const ownerScope = async (tree: TestTree): Promise<TeamScope> => ({
  ...(await loadTeamScope(env.db, { teamId: tree.team.id, userId: tree.owner.userId })),
  today: "2026-11-01",
});

const bulkGoalInput = (metricId: string, target: number): TCreateGoalInput =>
  goalInput({ name: "Bulk volume", metricId, target, startDate: "2026-11-02", deadline: "2027-01-29" });

function counting(db: Db) {
  const counter = { queries: 0 };
  const counted = db.$extends({
    query: {
      $allOperations({ args, query }) {
        counter.queries++;
        return query(args);
      },
    },
  }) as unknown as Db;
  return { counted, counter };
}

/** The splits a history row carries (SQL only: they are @ignore'd in the Prisma client), decoded by member id. */
async function splitsOf(id: string) {
  const [row] = await env.db.$queryRaw<
    { splitBefore: Uint8Array | null; splitAfter: Uint8Array | null; membershipIds: string[] | null }[]
  >`SELECT "splitBefore", "splitAfter", "membershipIds" FROM "TargetChange" WHERE id = ${id}`;
  const idOf = new Map(
    (await env.db.membership.findMany({ where: { teamId: t.team.id }, select: { id: true, slot: true } })).map((x) => [
      x.slot,
      x.id,
    ]),
  );
  const byMember = (split: Uint8Array | null) => {
    if (!split) return null;
    const d = decodeSplit(split);
    return new Map(Array.from(d.slots, (slot, i) => [idOf.get(slot)!, [d.personal[i]!, d.team[i]!]]));
  };
  return { before: byMember(row!.splitBefore), after: byMember(row!.splitAfter), arrays: row!.membershipIds };
}

beforeAll(async () => {
  t = env.t;
  m = await makeFunnelMetrics(env.db, { teamId: t.team.id });
});

describe("bulk target writes", () => {
  it("publish writes the cascade and ONE history row for the team; a re-plan updates every target and bumps versions", async () => {
    const db = env.db;
    const owner = await ownerScope(t);
    const goal = await createGoal(db, owner, { ...bulkGoalInput(m.volume.id, 700_000), rootMembershipId: t.owner.id });
    const members = await db.membership.count({ where: { teamId: t.team.id, status: "ACTIVE" } });
    const before = await targetTable(db).findMany({ where: { goalId: goal.id }, orderBy: { membershipId: "asc" } });
    expect(before).toHaveLength(members);
    expect(before.reduce((s, r) => s + r.personal, 0)).toBe(700_000);
    expect(before.find((r) => r.membershipId === t.owner.id)!.team).toBe(700_000);
    expect(before.every((r) => r.personalOverride === null)).toBe(true);
    // ONE row holds the whole split (issue 21), version 1.
    expect(await db.goalSplit.findUniqueOrThrow({ where: { goalId: goal.id }, select: { version: true } })).toEqual({
      version: 1,
    });
    // One goal-level history row carries every member's "nothing → their targets", not a row per member.
    const published = await db.targetChange.findMany({ where: { goalId: goal.id } });
    expect(published).toEqual([expect.objectContaining({ membershipId: null, field: "goal", toValue: 700_000 })]);
    // It carries the split as published (nothing before), not arrays of ids and numbers.
    const row = await splitsOf(published[0]!.id);
    expect(row.before).toBeNull();
    expect(row.arrays).toBeNull();
    expect([...row.after!.keys()].sort()).toEqual(before.map((r) => r.membershipId));
    for (const r of before) expect(row.after!.get(r.membershipId)).toEqual([r.personal, r.team]);
    // Each member still sees their own "nothing → X" in their history.
    for (const r of before) {
      const mine = await listGoalHistory(db, owner, { goalId: goal.id, membershipId: r.membershipId });
      expect(mine).toEqual([
        expect.objectContaining({
          membershipId: r.membershipId,
          reason: "Goal published",
          field: "personal",
          fromValue: null,
          toValue: r.personal,
          data: { personal: { from: null, to: r.personal }, team: { from: null, to: r.team } },
        }),
        expect.objectContaining({ membershipId: null, field: "goal", toValue: 700_000 }),
      ]);
    }

    // A member joins after publishing, then the target grows: everyone is re-planned, the newcomer gets a row.
    const newcomer = await addMember(db, { teamId: t.team.id, parentId: t.memberA1.id });
    const changed = await applyGoalChange(db, owner, {
      goalId: goal.id,
      version: goal.version,
      change: { kind: "target", target: 900_000 },
    });
    expect(changed.version).toBe(goal.version + 1);
    const after = await targetTable(db).findMany({ where: { goalId: goal.id } });
    expect(after).toHaveLength(members + 1);
    expect(after.reduce((s, r) => s + r.personal, 0)).toBe(900_000);
    const fresh = after.find((r) => r.membershipId === newcomer.id)!;
    expect(fresh).toBeDefined();
    expect(await db.goalSplit.findUniqueOrThrow({ where: { goalId: goal.id }, select: { version: true } })).toEqual({
      version: 2,
    });

    // History, newest first: within one change the member rows (written after the goal's own row) come first.
    const history = await listGoalHistory(db, owner, { goalId: goal.id });
    expect(history.map((h) => [h.membershipId, h.field])).toEqual([
      [t.owner.id, "personal"],
      [null, "target"],
      [t.owner.id, "personal"],
      [null, "goal"],
    ]);
    expect(history[1]).toMatchObject({ fromValue: 700_000, toValue: 900_000 });
    // The re-plan is one more row (the goal's target) carrying every member's from → to; the newcomer's is from nothing.
    const replan = await db.targetChange.findMany({ where: { goalId: goal.id, reason: { not: "Goal published" } } });
    expect(replan).toEqual([
      expect.objectContaining({ membershipId: null, field: "target", fromValue: 700_000, toValue: 900_000 }),
    ]);
    const splits = await splitsOf(replan[0]!.id);
    expect(splits.after!.size).toBe(members + 1);
    expect(splits.before).toEqual(row.after);
    expect(splits.before!.has(newcomer.id)).toBe(false);
    for (const r of after) expect(splits.after!.get(r.membershipId)).toEqual([r.personal, r.team]);
    const newcomerHistory = await listGoalHistory(db, owner, { goalId: goal.id, membershipId: newcomer.id });
    expect(newcomerHistory.map((h) => [h.membershipId, h.field, h.fromValue, h.toValue])).toEqual([
      [newcomer.id, "personal", null, fresh.personal],
      [null, "target", 700_000, 900_000],
      [null, "goal", null, 700_000],
    ]);
    const ownerBefore = before.find((r) => r.membershipId === t.owner.id)!;
    const ownerAfter = after.find((r) => r.membershipId === t.owner.id)!;
    expect(history[0]).toMatchObject({ fromValue: ownerBefore.personal, toValue: ownerAfter.personal });
  });

  it("publishing takes the same number of queries for 7 and 40 members", async () => {
    const counts: number[] = [];
    for (const extra of [0, 33]) {
      const tree = await makeTestTree(env.db);
      const metrics = await makeFunnelMetrics(env.db, { teamId: tree.team.id });
      for (let i = 0; i < extra; i++)
        await addMember(env.db, { teamId: tree.team.id, parentId: i % 2 ? tree.leaderA.id : tree.memberB1.id });
      const { counted, counter } = counting(env.db);
      const scope = await ownerScope(tree);
      await createGoal(counted, scope, {
        ...bulkGoalInput(metrics.volume.id, 1_000_000),
        rootMembershipId: tree.owner.id,
      });
      counts.push(counter.queries);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
