/**
 * A member enters their own commitment before the meeting (no access to the review, which is rooted at their
 * upline); the review started afterwards shows it live, the upline may still amend it during the meeting, and
 * closing freezes what was agreed.
 */
import { describe, expect, it } from "vitest";
import { addDays, startOfPeriod } from "@/server/domain/calendar";
import { callerForMember } from "@/tests/caller";
import { makeGoal, makeMetric, makeTestTree } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import * as clock from "@/server/clock";

const env = setUpTestDatabase({ tree: "none" });

describe("a member's own commitment", () => {
  it("is entered before the meeting, shown live in the review, amendable by the upline, frozen on close", async () => {
    const db = env.db;
    const t = await makeTestTree(db);
    const team = await db.team.findUniqueOrThrow({
      where: { id: t.team.id },
      select: { timeZone: true, weekStartsOn: true },
    });
    const metric = await makeMetric(db, { teamId: t.team.id, key: "sales", kind: "RESULT", unit: "COUNT" });
    const today = clock.todayIn(team.timeZone);
    const thisWeek = startOfPeriod(today, "week", team.weekStartsOn);
    const goal = await makeGoal(db, {
      teamId: t.team.id,
      rootMembershipId: t.owner.id,
      metricId: metric.id,
      target: 5000,
      startDate: addDays(thisWeek, -28),
      deadline: addDays(thisWeek, 60),
    });

    const ben = await callerForMember(db, t.memberB1.id);
    const input = { teamId: t.team.id };
    // Nothing yet, for either week.
    const empty = await ben.review.myCommitments(input);
    // On a Wednesday the coming week — what a review held today agrees — is next week: this one is under way.
    expect(today).toBe("2027-03-17");
    expect(empty.map((w) => [w.week, w.weekStart, w.coming, w.commitment])).toEqual([
      ["this", thisWeek, false, null],
      ["next", addDays(thisWeek, 7), true, null],
    ]);

    // Before the meeting: this week's commitment and one for next week (what today's review agrees).
    const saved = await ben.review.saveMyCommitment({ ...input, week: "this", text: "  15 calls a day  ", amount: 75 });
    expect(saved).toMatchObject({ week: "this", weekStart: thisWeek, text: "15 calls a day", amount: 75 });
    await ben.review.saveMyCommitment({ ...input, week: "next", text: "Book 3 presentations" });
    // Saving again replaces it (one per member and week).
    await ben.review.saveMyCommitment({ ...input, week: "this", text: "20 calls a day", amount: 100 });
    const mine = await ben.review.myCommitments(input);
    expect(mine[0]!.commitment).toMatchObject({
      text: "20 calls a day",
      amount: 100,
      enteredByMe: true,
      enteredBy: "Ben B1",
    });
    expect(mine[1]!.commitment).toMatchObject({ text: "Book 3 presentations", amount: null });
    expect(await db.commitment.count({ where: { membershipId: t.memberB1.id } })).toBe(2);

    // Bad input is a clear 400, and nothing is written.
    await expect(ben.review.saveMyCommitment({ ...input, week: "this", text: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(ben.review.saveMyCommitment({ ...input, week: "this", text: "x", amount: -1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(ben.review.saveMyCommitment({ ...input, week: "later" as "next", text: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    // The owner's review (of last week) commits to the coming week: Ben's entry for next week is there, live.
    const owner = await callerForMember(db, t.owner.id);
    const { id } = await owner.review.start({ ...input, goalId: goal.id });
    const open = await owner.review.get({ ...input, reviewId: id });
    expect(open.snapshot.week.from).toBe(addDays(thisWeek, -7));
    expect(open.snapshot.nextWeekStart).toBe(addDays(thisWeek, 7));
    expect(open.commitments).toEqual([
      { memberId: t.memberB1.id, name: "Ben B1", text: "Book 3 presentations", amount: null, enteredBy: "Ben B1" },
    ]);

    // During the meeting his upline amends it; Ben sees who entered it.
    await (
      await callerForMember(db, t.leaderB.id)
    ).review.saveCommitment({ ...input, reviewId: id, memberId: t.memberB1.id, text: "25 calls a day", amount: 125 });
    const amended = (await ben.review.myCommitments(input))[1]!.commitment;
    expect(amended).toMatchObject({ text: "25 calls a day", enteredBy: "Lara Leader B", enteredByMe: false });

    // Closing freezes it: a later change by Ben is his own, and the closed review still shows what was agreed.
    await owner.review.close({ ...input, reviewId: id });
    await ben.review.saveMyCommitment({ ...input, week: "next", text: "changed my mind" });
    const closed = await owner.review.get({ ...input, reviewId: id });
    expect(closed.commitments.find((c) => c.memberId === t.memberB1.id)?.text).toBe("25 calls a day");

    // Only for oneself: another member's commitments are not touched or shown.
    const mia = await callerForMember(db, t.memberA1.id);
    expect((await mia.review.myCommitments(input)).every((w) => w.commitment === null)).toBe(true);
  });
});
