import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, isoDateInTimeZone, startOfPeriod } from "@/server/domain/calendar";
import { callerForMember } from "@/tests/caller";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { makeEntriesWithTotals, makeGoal, makeMetric, makeTestTree, type LoggedAmount } from "@/tests/factories";
import { startInbox, type ReceivedMail } from "@/tests/smtp-inbox";
import * as clock from "@/server/clock";

const env = setUpTestDatabase({ tree: "none" });
let inbox: { mails: ReceivedMail[]; stop: () => Promise<void> };

beforeAll(async () => {
  inbox = await startInbox();
});
afterAll(async () => {
  await inbox.stop();
});

describe("weekly review", () => {
  it("start → snapshot, commitments by member and upline, close → digest by SMTP, reopen from the snapshot", async () => {
    const db = env.db;
    const t = await makeTestTree(db);
    const metric = await makeMetric(db, { teamId: t.team.id, key: "sales", kind: "RESULT", unit: "COUNT" });
    const today = isoDateInTimeZone(clock.nowMs(), "Europe/London");
    const lastWeek = addDays(startOfPeriod(today, "week", 1), -7);
    const goal = await makeGoal(db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId: metric.id,
      target: 7000,
      startDate: addDays(lastWeek, -21),
      deadline: addDays(lastWeek, 70),
    });
    // Leader A's branch logs a lot last week, leader B's branch nothing: B and B1 are behind.
    const logged: LoggedAmount[] = [];
    for (let d = -21; d < 7; d++) {
      for (const id of [t.leaderA.id, t.memberA1.id, t.memberA1a.id, t.memberA2.id])
        logged.push({ membershipId: id, day: addDays(lastWeek, d), amount: 30 });
    }
    await makeEntriesWithTotals(db, { teamId: t.team.id, metricId: metric.id, entries: logged });
    await db.victory.create({
      data: {
        teamId: t.team.id,
        membershipId: t.memberA1.id,
        kind: "STREAK",
        key: "streak-5",
        title: "5-day streak",
        day: new Date(addDays(lastWeek, 4) + "T00:00:00.000Z"),
      },
    });

    const owner = await callerForMember(db, t.owner.id);
    const { id } = await owner.review.start({ teamId: t.team.id, goalId: goal.id });
    // Starting again while open resumes the same review.
    expect((await owner.review.start({ teamId: t.team.id, goalId: goal.id })).id).toBe(id);

    const open = await owner.review.get({ teamId: t.team.id, reviewId: id });
    const s = open.snapshot;
    expect(s.week).toEqual({ from: lastWeek, to: addDays(lastWeek, 6) });
    const weekActual = logged
      .filter((e) => e.day >= lastWeek && e.day <= addDays(lastWeek, 6))
      .reduce((x, e) => x + e.amount, 0);
    expect(s.scoreboard.weekActual).toBe(weekActual);
    expect(s.offPace.map((m) => m.name)).toEqual(expect.arrayContaining(["Lara Leader B", "Ben B1"]));
    expect(s.offPace.every((m) => m.catchUpPerWeek > 0)).toBe(true);
    expect(s.wins.map((w) => w.title)).toEqual(["5-day streak"]);
    expect(s.members).toHaveLength(7);

    // A member enters their own commitment; an upline enters one for their downline; a sibling cannot.
    await (
      await callerForMember(db, t.memberB1.id)
    ).review.saveCommitment({
      teamId: t.team.id,
      reviewId: id,
      memberId: t.memberB1.id,
      text: "20 calls a day",
      amount: 100,
    });
    await (
      await callerForMember(db, t.leaderA.id)
    ).review.saveCommitment({ teamId: t.team.id, reviewId: id, memberId: t.memberA2.id, text: "Two presentations" });
    await expect(
      (await callerForMember(db, t.memberA2.id)).review.saveCommitment({
        teamId: t.team.id,
        reviewId: id,
        memberId: t.memberA1.id,
        text: "Not mine",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const withCommitments = await owner.review.get({ teamId: t.team.id, reviewId: id });
    expect(withCommitments.commitments.map((c) => c.name).sort()).toEqual(["Ben B1", "Mo A2"]);

    const closed = await owner.review.close({ teamId: t.team.id, reviewId: id });
    expect(closed.digestsSent).toBe(3); // the owner (root) and leaders A and B
    const recipients = inbox.mails.flatMap((m) => m.to).sort();
    const emails = await db.user.findMany({
      where: { memberships: { some: { id: { in: [t.owner.id, t.leaderA.id, t.leaderB.id] } } } },
      select: { email: true },
    });
    expect(recipients).toEqual(emails.map((e) => e.email).sort());
    const body = inbox.mails[0]!.text;
    expect(body).toContain("SCOREBOARD");
    expect(body).toContain("Ben B1: 20 calls a day");
    expect(body).toContain("Mo A2: Two presentations");

    // Closed: commitments frozen, reopening reads the snapshot (a later change is not shown).
    await expect(
      (await callerForMember(db, t.memberB1.id)).review.saveCommitment({
        teamId: t.team.id,
        reviewId: id,
        memberId: t.memberB1.id,
        text: "changed",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await db.commitment.updateMany({
      where: { membershipId: t.memberA2.id },
      data: { text: "edited behind our back" },
    });
    const reopened = await owner.review.get({ teamId: t.team.id, reviewId: id });
    expect(reopened.status).toBe("CLOSED");
    expect(reopened.commitments.find((c) => c.name === "Mo A2")?.text).toBe("Two presentations");
    expect((await owner.review.list({ teamId: t.team.id })).map((r) => r.id)).toContain(id);

    // Visibility: leader B's members cannot open a review rooted above them; a member cannot start one.
    await expect(
      (await callerForMember(db, t.memberB1.id)).review.get({ teamId: t.team.id, reviewId: id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await callerForMember(db, t.memberB1.id)).review.start({ teamId: t.team.id, goalId: goal.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
