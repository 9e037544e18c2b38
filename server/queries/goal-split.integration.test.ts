/**
 * Round trip of server/queries/goal-split.ts on a real database: a goal's split written as its one row is read back
 * whole (decoded in Node) and per member (the member's 8 bytes cut in SQL), overrides as rows, the team's slots both
 * ways — and a slot never reaches another team's goal: the same slot number in another team's split is not "mine".
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as clock from "@/server/clock";
import { addDays, isoDateInTimeZone } from "@/server/domain/calendar";
import { makeGoal, makeMetric, makeTeam, makeUser } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import {
  goalOverrides,
  goalsTargeting,
  goalTargetRows,
  memberTarget,
  memberTargets,
  readGoalSplit,
  setOverrides,
  teamSlots,
} from "./goal-split";

const env = setUpTestDatabase({ tree: "once" });
let goalId: string;
let targets: Map<string, { personal: number; team: number }>;
let otherGoalId: string;
let otherOwnerId: string;

beforeAll(async () => {
  const { t } = env;
  const today = isoDateInTimeZone(clock.nowMs(), "Europe/London");
  const metric = await makeMetric(env.db, { teamId: t.team.id });
  const goal = await makeGoal(env.db, {
    teamId: t.team.id,
    rootMembershipId: t.leaderA.id,
    metricId: metric.id,
    target: 1_001,
    startDate: addDays(today, -7),
    deadline: addDays(today, 21),
  });
  goalId = goal.id;
  targets = goal.targets;
  // Another team whose owner has the same slot (0) as this team's owner, and a goal over that team.
  const stranger = await makeUser(env.db, { name: "Sam Stranger" });
  const other = await makeTeam(env.db, { ownerId: stranger.id });
  const otherOwner = await env.db.membership.findFirstOrThrow({ where: { teamId: other.id }, select: { id: true } });
  otherOwnerId = otherOwner.id;
  const otherMetric = await makeMetric(env.db, { teamId: other.id });
  otherGoalId = (
    await makeGoal(env.db, {
      teamId: other.id,
      rootMembershipId: otherOwner.id,
      metricId: otherMetric.id,
      target: 500,
      startDate: addDays(today, -7),
      deadline: addDays(today, 21),
    })
  ).id;
});

describe("goal split queries", () => {
  it("reads the team's slots both ways, removed members included", async () => {
    const slots = await teamSlots(env.db, env.t.team.id);
    const rows = await env.db.membership.findMany({
      where: { teamId: env.t.team.id },
      select: { id: true, slot: true },
    });
    expect(slots.slotOf.size).toBe(rows.length);
    for (const r of rows) {
      expect(slots.slotOf.get(r.id)).toBe(r.slot);
      expect(slots.ids[r.slot]).toBe(r.id);
    }
  });

  it("reads the whole split back as written, and each member's numbers from their own bytes", async () => {
    const whole = await goalTargetRows(env.db, { id: goalId, teamId: env.t.team.id });
    expect(new Map(whole.map((r) => [r.membershipId, { personal: r.personal, team: r.team }]))).toEqual(targets);
    expect([...targets.values()].reduce((s, x) => s + x.personal, 0)).toBe(1_001);
    for (const [membershipId, expected] of targets) {
      expect(await memberTarget(env.db, { membershipId, goalId })).toMatchObject(expected);
    }
    // Outside the goal's branch: no numbers.
    expect(await memberTarget(env.db, { membershipId: env.t.leaderB.id, goalId })).toBeNull();
    expect((await readGoalSplit(env.db, goalId))?.version).toBeGreaterThanOrEqual(1);
  });

  it("names the split's slots from ids the caller knows, reading only the slots it lacks (members who left)", async () => {
    const whole = await goalTargetRows(env.db, { id: goalId, teamId: env.t.team.id });
    const slotOf = new Map(
      (await env.db.membership.findMany({ where: { teamId: env.t.team.id } })).map((m) => [m.id, m.slot]),
    );
    // The caller knows everyone but Mia (as a re-plan knows its tree, not who left it); a wrong id at a slot
    // outside the split is never used.
    const known: (string | undefined)[] = [];
    for (const r of whole) if (r.membershipId !== env.t.memberA1.id) known[r.slot] = r.membershipId;
    known[slotOf.get(env.t.leaderB.id)!] = "not-a-member";
    const named = await goalTargetRows(env.db, { id: goalId, teamId: env.t.team.id }, { known });
    expect(named).toEqual(whole);
    expect(named.find((r) => r.membershipId === env.t.memberA1.id)?.slot).toBe(slotOf.get(env.t.memberA1.id));
    // The ids still on their way (a re-plan's tree being read): the same rows; a failed read fails the rows too.
    const later = new Promise<(string | undefined)[]>((resolve) => setTimeout(() => resolve(known), 20));
    expect(await goalTargetRows(env.db, { id: goalId, teamId: env.t.team.id }, { known: later })).toEqual(whole);
    await expect(
      goalTargetRows(env.db, { id: goalId, teamId: env.t.team.id }, { known: Promise.reject(new Error("tree read")) }),
    ).rejects.toThrow("tree read");
    // Knowing nobody: every slot is read, and from this team only (the other team has the same slot numbers).
    const none = await goalTargetRows(env.db, { id: goalId, teamId: env.t.team.id }, { known: [] });
    expect(none.map((r) => r.membershipId).sort()).toEqual(whole.map((r) => r.membershipId).sort());
  });

  it("a slot never reaches another team's goal", async () => {
    const owner = env.t.owner.id;
    const ownSlot = (await env.db.membership.findUniqueOrThrow({ where: { id: owner }, select: { slot: true } })).slot;
    const theirs = (await env.db.membership.findUniqueOrThrow({ where: { id: otherOwnerId }, select: { slot: true } }))
      .slot;
    expect(ownSlot).toBe(theirs); // the same slot number in both teams
    expect(await memberTarget(env.db, { membershipId: otherOwnerId, goalId: otherGoalId })).not.toBeNull();
    expect(await memberTargets(env.db, { membershipId: owner, goalIds: [otherGoalId] })).toEqual([]);
    expect(await goalsTargeting(env.db, { membershipId: owner, goalIds: [goalId, otherGoalId] })).toEqual(new Set());
    expect(await goalsTargeting(env.db, { membershipId: env.t.memberA1.id, goalIds: [goalId, otherGoalId] })).toEqual(
      new Set([goalId]),
    );
  });

  it("keeps overrides as rows, and clearing one deletes its row", async () => {
    const member = env.t.memberA1.id;
    await setOverrides(env.db, { goalId, rows: [{ membershipId: member, personal: 300, team: null }] });
    expect(await goalOverrides(env.db, goalId)).toEqual([{ membershipId: member, personal: 300, team: null }]);
    expect(await memberTarget(env.db, { membershipId: member, goalId })).toMatchObject({
      personalOverride: 300,
      teamOverride: null,
    });
    await setOverrides(env.db, { goalId, rows: [{ membershipId: member, personal: null, team: null }] });
    expect(await goalOverrides(env.db, goalId)).toEqual([]);
  });
});
