/**
 * Targets follow the tree (server/services/goal/follow-tree.ts), through the real routers on a real database, at the
 * suite's instant (Wed 17 Mar 2027): a goal for March, 1,400 over the team, even split, published on 1 Mar — half of
 * March's working days are past.
 * - a recruit accepting an invite (a link, and an invitation to their address) gets a target for the rest of the goal;
 *   their upline's team target is unchanged and exact, nobody outside the branch moves, the history says so, and the
 *   goal's version moves on (a change previewed before is refused as stale);
 * - a move re-splits both the old and the new branch, each keeping its team target;
 * - a removal keeps the member's past entries in their former upline's totals, the dashboard and the review agree;
 * - with followTree off nothing changes; a failure in the re-split rolls the tree change back.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { targetTable } from "@/tests/target-table";
import { shareOfProgress } from "@/server/domain/dashboard-math";
import { LEFT_ROLE } from "@/server/domain/rollup";
import { addDailyTotal, makeGoal, makeMetric, makeUser } from "@/tests/factories";
import { databaseChecksum } from "@/tests/db-checksum";
import { injectFailure } from "@/tests/failure-injection";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { FOLLOW_TREE_FIELD } from "./follow-tree";

const env = setUpTestDatabase({ tree: "each" });
let goalId: string;
let metricId: string;

/** Half the working days of March 2027 (1–16 Mar: 12 of 23) are past on the 17th; 1,400 even over 7 members. */
const TOTAL = 1_400;

beforeEach(async () => {
  const { t } = env;
  metricId = (await makeMetric(env.db, { teamId: t.team.id, key: "sales", name: "Sales", kind: "RESULT" })).id;
  goalId = (
    await makeGoal(env.db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId,
      target: TOTAL,
      startDate: "2027-03-01",
      deadline: "2027-03-31",
      name: "March sales",
    })
  ).id;
});

async function targets() {
  const rows = await targetTable(env.db).findMany({ where: { goalId } });
  return new Map(rows.map((r) => [r.membershipId, r]));
}

/** Every active member's team = personal + children's teams + removed members counted under them. */
async function expectExactTree() {
  const members = await env.db.membership.findMany({
    where: { teamId: env.t.team.id },
    select: { id: true, parentId: true, formerParentId: true, status: true },
  });
  const map = await targets();
  for (const m of members.filter((x) => x.status === "ACTIVE")) {
    const below = members.filter(
      (c) => (c.status === "ACTIVE" && c.parentId === m.id) || (c.status === "REMOVED" && c.formerParentId === m.id),
    );
    const sum = below.reduce((s, c) => s + (map.get(c.id)?.team ?? 0), 0);
    expect(map.get(m.id)!.team, `team of ${m.id}`).toBe(map.get(m.id)!.personal + sum);
  }
  expect(map.get(env.t.owner.id)!.team).toBe(TOTAL);
}

async function versionOf() {
  return (await env.db.goal.findUniqueOrThrow({ where: { id: goalId }, select: { version: true } })).version;
}

async function followRows() {
  return env.db.targetChange.findMany({ where: { goalId, field: FOLLOW_TREE_FIELD }, orderBy: { createdAt: "asc" } });
}

async function invite(parentId: string) {
  const leader = await env.as(env.t.leaderA.id);
  return leader.invite.create({ teamId: env.t.team.id, parentId, maxUses: 1, expiresInDays: 7, role: "MEMBER" });
}

describe("targets follow the tree", () => {
  it("a recruit accepting an invite gets a target for the rest of the goal; the team target is unchanged", async () => {
    const { t } = env;
    const before = await targets();
    const versionBefore = await versionOf();
    const link = await invite(t.memberA1.id);
    const nina = await makeUser(env.db, { name: "Nina Recruit" });
    const joined = await env.caller(nina).invite.accept({ token: link.token });
    // The targets moved, so the goal's version did: a change previewed before the join is refused as stale, not
    // saved over the re-split (and the dashboard's kept views, keyed by the version, are not served).
    expect(await versionOf()).toBe(versionBefore + 1);
    const olivia = await env.as(t.owner.id);
    await expect(
      olivia.goal.applyChange({
        teamId: t.team.id,
        goalId,
        version: versionBefore,
        change: { kind: "override", membershipId: t.memberA2.id, personal: 150 },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const after = await targets();
    const mine = after.get(joined.membershipId)!;
    expect(mine.personal).toBeGreaterThan(0);
    // Mia's branch (Mia, Max and now Nina) keeps its 400 exactly; Mia and Max keep what was due before today.
    expect(after.get(t.memberA1.id)!.team).toBe(before.get(t.memberA1.id)!.team);
    for (const id of [t.memberA1.id, t.memberA1a.id]) {
      expect(after.get(id)!.personal).toBeLessThan(before.get(id)!.personal);
      expect(after.get(id)!.personal).toBeGreaterThanOrEqual(shareOfProgress(200, 1, 2)); // at least half of 200
    }
    // Nobody outside the branch moves.
    for (const id of [t.owner.id, t.leaderA.id, t.leaderB.id, t.memberA2.id, t.memberB1.id]) {
      expect(after.get(id)).toMatchObject({ personal: before.get(id)!.personal, team: before.get(id)!.team });
    }
    await expectExactTree();

    // The history: the leader reads what changed for whom; Nina sees her own target.
    const [row] = await followRows();
    expect(row!.reason).toMatch(/^Nina Recruit joined under Mia A1: Nina Recruit \d+, /);
    expect(row!.reason).toMatch(/Mia A1 200 → \d+/);
    const owner = await env.as(t.owner.id);
    const ownerHistory = await owner.goal.history({ teamId: t.team.id, goalId, membershipId: t.owner.id });
    expect(ownerHistory.some((h) => h.field === FOLLOW_TREE_FIELD && h.reason === row!.reason)).toBe(true);
    const ninaCaller = await env.as(joined.membershipId);
    const own = await ninaCaller.goal.history({ teamId: t.team.id, goalId });
    expect(own[0]).toMatchObject({ field: "personal", fromValue: null, toValue: mine.personal, reason: row!.reason });
  });

  it("an invitation accepted in the app re-splits the same way, in the same transaction as the join", async () => {
    const { t } = env;
    const before = await targets();
    const sam = await makeUser(env.db, { name: "Sam Invited" });
    const invitation = await env.db.invite.create({
      data: {
        teamId: t.team.id,
        createdById: t.leaderB.id,
        parentId: t.leaderB.id,
        email: sam.email,
        tokenHash: `hash-${sam.id}`,
        role: "MEMBER",
        maxUses: 1,
      },
      select: { id: true },
    });
    const joined = await env.caller(sam).invite.acceptInvitation({ inviteId: invitation.id });
    const after = await targets();
    expect(after.get(joined.membershipId)!.personal).toBeGreaterThan(0);
    expect(after.get(t.leaderB.id)!.team).toBe(before.get(t.leaderB.id)!.team);
    await expectExactTree();
  });

  it("a move re-splits both the old and the new branch, each keeping its team target", async () => {
    const { t } = env;
    const before = await targets();
    const owner = await env.as(t.owner.id);
    await owner.member.move({ teamId: t.team.id, memberId: t.memberA2.id, newParentId: t.leaderB.id });
    const after = await targets();
    expect(after.get(t.leaderA.id)!.team).toBe(before.get(t.leaderA.id)!.team);
    expect(after.get(t.leaderB.id)!.team).toBe(before.get(t.leaderB.id)!.team);
    // Leo's branch has one fewer member for the rest: Leo, Mia and Max each take more; Lara's has one more.
    for (const id of [t.leaderA.id, t.memberA1.id, t.memberA1a.id]) {
      expect(after.get(id)!.personal).toBeGreaterThan(before.get(id)!.personal);
    }
    for (const id of [t.leaderB.id, t.memberB1.id]) {
      expect(after.get(id)!.personal).toBeLessThan(before.get(id)!.personal);
    }
    expect(after.get(t.owner.id)).toMatchObject({ personal: 200, team: TOTAL });
    await expectExactTree();
    const [row] = await followRows();
    expect(row!.reason).toMatch(/^Mo A2 moved from under Leo Leader A to under Lara Leader B: /);
  });

  it("a removal keeps the member's past entries in their former upline's totals, on the dashboard and the review", async () => {
    const { t } = env;
    // Max logged 90 before today (last week and the week before), Mia 40.
    for (const [membershipId, day, total] of [
      [t.memberA1a.id, "2027-03-03", 50],
      [t.memberA1a.id, "2027-03-10", 40],
      [t.memberA1.id, "2027-03-09", 40],
    ] as const) {
      await addDailyTotal(env.db, { teamId: t.team.id, membershipId, metricId, day, total });
    }
    const owner = await env.as(t.owner.id);
    const input = { teamId: t.team.id, goalId, period: "goal" as const };
    const before = await owner.dashboard.rollup(input);
    const rowOf = (r: typeof before, id: string) => r.rows.find((x) => x.id === id)!;
    expect(rowOf(before, t.leaderA.id).goal.teamActual).toBe(130);
    const targetsBefore = await targets();

    await owner.member.remove({ teamId: t.team.id, memberId: t.memberA1a.id });

    const after = await owner.dashboard.rollup(input);
    expect(rowOf(after, t.leaderA.id).goal.teamActual).toBe(130);
    expect(rowOf(after, t.owner.id).goal.teamActual).toBe(130);
    expect(rowOf(after, t.memberA1.id).goal.teamActual).toBe(130);
    const left = rowOf(after, t.memberA1a.id);
    expect(left).toMatchObject({ role: LEFT_ROLE, parentId: t.memberA1.id });
    // The subtree read (a branch, not the whole team) counts them the same way.
    const branch = await owner.dashboard.rollup({ ...input, rootId: t.leaderA.id });
    expect(branch.rows[0]!.goal.teamActual).toBe(130);
    expect(rowOf(branch, t.memberA1a.id)).toMatchObject({ role: LEFT_ROLE, parentId: t.memberA1.id, ownActual: 90 });
    expect(branch.rows.findIndex((r) => r.id === t.memberA1a.id)).toBeGreaterThan(
      branch.rows.findIndex((r) => r.id === t.memberA1.id),
    );
    // Max keeps what was planned for him before today; Mia's branch keeps its team target.
    const targetsAfter = await targets();
    expect(targetsAfter.get(t.memberA1a.id)!.personal).toBeLessThan(targetsBefore.get(t.memberA1a.id)!.personal);
    expect(targetsAfter.get(t.memberA1a.id)!.personal).toBeGreaterThan(0);
    expect(targetsAfter.get(t.memberA1.id)!.team).toBe(targetsBefore.get(t.memberA1.id)!.team);
    await expectExactTree();
    // Last week on the dashboard and in the review agree (the review lists no one who left as off pace).
    const week = await owner.dashboard.rollup({ ...input, period: "week" });
    expect(week.rows.find((r) => r.id === t.memberA1a.id)?.role).toBe(LEFT_ROLE);
    const review = await owner.review.start({ teamId: t.team.id, goalId });
    const snapshot = (await owner.review.get({ teamId: t.team.id, reviewId: review.id })).snapshot as {
      scoreboard: { goalActual: number };
      offPace: { id: string }[];
      members: { id: string }[];
    };
    expect(snapshot.scoreboard.goalActual).toBe(rowOf(after, t.owner.id).goal.teamActual);
    expect(snapshot.offPace.some((m) => m.id === t.memberA1a.id)).toBe(false);
    expect(snapshot.members.some((m) => m.id === t.memberA1a.id)).toBe(false);
    // Below counts leave the leaver out: six active members under nobody but the owner.
    expect(rowOf(after, t.owner.id).below.total).toBe(5);
  });

  it("with followTree off, nothing changes (and switching it is audited)", async () => {
    const { t } = env;
    const owner = await env.as(t.owner.id);
    await owner.goal.setFollowTree({ teamId: t.team.id, goalId, followTree: false });
    const audit = await env.db.auditEvent.findFirstOrThrow({ where: { action: "goal.followTree", subjectId: goalId } });
    expect(audit.data).toEqual({ from: true, to: false });
    const before = await targets();
    const versionBefore = await versionOf();
    await owner.member.move({ teamId: t.team.id, memberId: t.memberA2.id, newParentId: t.leaderB.id });
    const link = await invite(t.memberA1.id);
    await env.caller(await makeUser(env.db, { name: "Nina" })).invite.accept({ token: link.token });
    expect(await targets()).toEqual(before);
    expect(await followRows()).toEqual([]);
    expect(await versionOf()).toBe(versionBefore);
  });

  it("a leader can't switch it on a goal set above them; a member can't at all", async () => {
    const { t } = env;
    const leader = await env.as(t.leaderA.id);
    await expect(leader.goal.setFollowTree({ teamId: t.team.id, goalId, followTree: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const member = await env.as(t.memberB1.id);
    await expect(member.goal.setFollowTree({ teamId: t.team.id, goalId, followTree: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await env.db.goal.findUniqueOrThrow({ where: { id: goalId } })).followTree).toBe(true);
  });

  it("a failure in the re-split rolls the tree change back", async () => {
    const { t } = env;
    const owner = await env.as(t.owner.id);
    const before = await databaseChecksum(env.db);
    const remove = await injectFailure(env.db, {
      table: "TargetChange",
      condition: `NEW.field = '${FOLLOW_TREE_FIELD}'`,
    });
    try {
      await expect(
        owner.member.move({ teamId: t.team.id, memberId: t.memberA2.id, newParentId: t.leaderB.id }),
      ).rejects.toThrow();
      await expect(owner.member.remove({ teamId: t.team.id, memberId: t.memberB1.id })).rejects.toThrow();
    } finally {
      await remove();
    }
    expect(await databaseChecksum(env.db)).toBe(before);
    const mo = await env.db.membership.findUniqueOrThrow({ where: { id: t.memberA2.id } });
    expect(mo.parentId).toBe(t.leaderA.id);
  });
});
