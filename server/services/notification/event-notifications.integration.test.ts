/**
 * The events' notifications (issue 20), through the real procedures: the right person — and only them — gets exactly
 * one notification with the right link; repeating the event (a retried request) never doubles it. (A rolled-back event
 * leaves none: notify.integration.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { addDays } from "@/server/domain/calendar";
import { teamToday } from "@/server/clock";
import { makeGoal, makeMetric, makeUser } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });

/** Every notification in the test team, as (who, kind, url) sorted. */
async function sent(kind?: string) {
  const rows = await env.db.notification.findMany({
    where: { teamId: env.t.team.id, ...(kind ? { kind: kind as never } : {}) },
    select: { userId: true, kind: true, url: true, title: true, body: true, readAt: true },
  });
  return rows;
}

const userOf = (m: { userId: string }) => m.userId;

async function teamGoal(rootMembershipId: string, name = "Team month") {
  const { db, t } = env;
  const team = await db.team.findUniqueOrThrow({ where: { id: t.team.id }, select: { timeZone: true, slug: true } });
  const today = teamToday(team);
  const metric = await makeMetric(db, { teamId: t.team.id, kind: "RESULT", unit: "COUNT" });
  const goal = await makeGoal(db, {
    teamId: t.team.id,
    rootMembershipId,
    metricId: metric.id,
    target: 7000,
    startDate: addDays(today, -21),
    deadline: addDays(today, 60),
    name,
  });
  return { goal, slug: team.slug };
}

describe("a proposal waiting for a decision", () => {
  it("on the owner's team goal reaches the owner only (a leader below cannot decide it), linking to the plan", async () => {
    const { t } = env;
    const { goal, slug } = await teamGoal(t.owner.id);
    const max = await env.as(t.memberA1a.id);
    const p1 = await max.goal.proposeTarget({ teamId: t.team.id, goalId: goal.id, proposed: 900 });
    const rows = await sent("PROPOSAL_WAITING");
    expect(rows).toEqual([
      expect.objectContaining({
        userId: t.owner.userId,
        url: `/${slug}/plan#proposals-heading`,
        title: "Max A1a proposed a different target",
        readAt: null,
      }),
    ]);
    // Proposing again replaces the pending one: the bell counts the live proposal only.
    const p2 = await max.goal.proposeTarget({ teamId: t.team.id, goalId: goal.id, proposed: 950 });
    expect(p2.id).not.toBe(p1.id);
    const owner = await env.as(t.owner.id);
    expect(await owner.notification.unreadCount({ teamId: t.team.id })).toEqual({ count: 1, label: "1" });
    expect((await sent("PROPOSAL_WAITING")).every((r) => r.userId === t.owner.userId)).toBe(true);
  });

  it("on a leader's branch goal reaches that leader, not the owner", async () => {
    const { t } = env;
    const { goal } = await teamGoal(t.leaderA.id, "A's month");
    await (await env.as(t.memberA1.id)).goal.proposeTarget({ teamId: t.team.id, goalId: goal.id, proposed: 900 });
    expect((await sent("PROPOSAL_WAITING")).map(userOf)).toEqual([t.leaderA.userId]);
  });

  it("from the goal's own root goes to the root's nearest upline who leads a branch", async () => {
    const { t } = env;
    const { goal } = await teamGoal(t.leaderA.id, "A's month");
    await (await env.as(t.leaderA.id)).goal.proposeTarget({ teamId: t.team.id, goalId: goal.id, proposed: 900 });
    expect((await sent("PROPOSAL_WAITING")).map(userOf)).toEqual([t.owner.userId]);
  });
});

describe("my proposal decided", () => {
  it("the author hears the decision once; the decider's waiting notification is settled", async () => {
    const { t } = env;
    const { goal, slug } = await teamGoal(t.owner.id);
    const max = await env.as(t.memberA1a.id);
    const owner = await env.as(t.owner.id);
    const p = await max.goal.proposeTarget({ teamId: t.team.id, goalId: goal.id, proposed: 900 });
    await owner.goal.decideProposal({ teamId: t.team.id, proposalId: p.id, decision: "DECLINE", note: "Let's talk" });
    // A retried decision is refused (already decided) and adds nothing.
    await expect(
      owner.goal.decideProposal({ teamId: t.team.id, proposalId: p.id, decision: "DECLINE" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await sent("PROPOSAL_DECIDED")).toEqual([
      expect.objectContaining({
        userId: t.memberA1a.userId,
        title: "Your proposal was declined",
        body: 'Olivia Owner declined your proposed target for "Team month". Their note: "Let\'s talk"',
        url: `/${slug}/plan#proposals-heading`,
      }),
    ]);
    expect(await owner.notification.unreadCount({ teamId: t.team.id })).toMatchObject({ count: 0 });

    const p2 = await max.goal.proposeTarget({ teamId: t.team.id, goalId: goal.id, proposed: 1000 });
    await owner.goal.decideProposal({ teamId: t.team.id, proposalId: p2.id, decision: "ACCEPT" });
    const decided = await sent("PROPOSAL_DECIDED");
    expect(decided.map(userOf)).toEqual([t.memberA1a.userId, t.memberA1a.userId]);
    expect(decided.map((d) => d.title).sort()).toEqual(["Your proposal was accepted", "Your proposal was declined"]);
  });

  it("a refused decision (the proposal was withdrawn meanwhile) tells nobody anything", async () => {
    const { t } = env;
    const { goal } = await teamGoal(t.owner.id);
    const p = await (
      await env.as(t.memberA1a.id)
    ).goal.proposeTarget({
      teamId: t.team.id,
      goalId: goal.id,
      proposed: 900,
    });
    // Withdrawn underneath (a newer proposal replaced it in another tab): deciding it now is refused.
    await env.db.targetProposal.update({ where: { id: p.id }, data: { status: "WITHDRAWN" } });
    await expect(
      (await env.as(t.owner.id)).goal.decideProposal({ teamId: t.team.id, proposalId: p.id, decision: "ACCEPT" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await sent("PROPOSAL_DECIDED")).toEqual([]);
  });
});

describe("a cheer on my victory", () => {
  it("reaches the victory's member once per cheerer, never the cheerer; cheering one's own says nothing", async () => {
    const { db, t } = env;
    const team = await db.team.findUniqueOrThrow({ where: { id: t.team.id }, select: { slug: true } });
    const victory = await db.victory.create({
      data: {
        teamId: t.team.id,
        membershipId: t.memberA1.id,
        kind: "RECORD",
        key: "k1",
        title: "Best week",
        day: new Date("2027-03-01"),
      },
      select: { id: true },
    });
    const leader = await env.as(t.leaderA.id);
    await leader.dashboard.cheer({ teamId: t.team.id, victoryId: victory.id });
    await leader.dashboard.cheer({ teamId: t.team.id, victoryId: victory.id });
    await (await env.as(t.memberA1.id)).dashboard.cheer({ teamId: t.team.id, victoryId: victory.id });
    expect(await sent("CHEER")).toEqual([
      expect.objectContaining({
        userId: t.memberA1.userId,
        title: "Leo Leader A cheered your victory",
        body: 'Leo Leader A cheered "Best week".',
        url: `/${team.slug}/dashboard#victories-heading`,
      }),
    ]);
    await (await env.as(t.owner.id)).dashboard.cheer({ teamId: t.team.id, victoryId: victory.id });
    expect((await sent("CHEER")).map(userOf)).toEqual([t.memberA1.userId, t.memberA1.userId]);
  });
});

describe("a review started for my branch", () => {
  it("reaches every active member of the subtree except the starter, once, linking to the review", async () => {
    const { db, t } = env;
    const { goal, slug } = await teamGoal(t.owner.id);
    // A member removed from the branch hears nothing.
    await db.membership.update({
      where: { id: t.memberA2.id },
      data: { status: "REMOVED", removedAt: new Date("2027-01-01") },
    });
    const leader = await env.as(t.leaderA.id);
    const review = await leader.review.start({ teamId: t.team.id, goalId: goal.id, rootId: t.leaderA.id });
    // Resuming the open review (a retry) adds nothing.
    expect((await leader.review.start({ teamId: t.team.id, goalId: goal.id, rootId: t.leaderA.id })).id).toBe(
      review.id,
    );
    const rows = await sent("REVIEW_STARTED");
    expect(rows.map(userOf).sort()).toEqual([t.memberA1.userId, t.memberA1a.userId].sort());
    expect(
      rows.every(
        (r) => r.url === `/${slug}/review/${review.id}` && r.title === "Leo Leader A started the weekly review",
      ),
    ).toBe(true);
  });

  it("started by the owner for a leader's branch reaches the leader too", async () => {
    const { t } = env;
    const { goal } = await teamGoal(t.owner.id);
    await (await env.as(t.owner.id)).review.start({ teamId: t.team.id, goalId: goal.id, rootId: t.leaderB.id });
    expect((await sent("REVIEW_STARTED")).map(userOf).sort()).toEqual([t.leaderB.userId, t.memberB1.userId].sort());
  });
});

describe("a recruit joined under me", () => {
  it("reaches the upline they land under, once: accepting the link again changes nothing", async () => {
    const { db, t } = env;
    const team = await db.team.findUniqueOrThrow({ where: { id: t.team.id }, select: { slug: true } });
    const invite = await (
      await env.as(t.leaderA.id)
    ).invite.create({
      teamId: t.team.id,
      parentId: t.memberA1.id,
      maxUses: null,
    });
    const nia = env.caller(await makeUser(db, { name: "Nia New" }));
    await nia.invite.accept({ token: invite.token });
    await nia.invite.accept({ token: invite.token });
    expect(await sent("RECRUIT_JOINED")).toEqual([
      expect.objectContaining({
        userId: t.memberA1.userId,
        title: "Nia New joined under you",
        url: `/${team.slug}/team`,
      }),
    ]);
  });
});
