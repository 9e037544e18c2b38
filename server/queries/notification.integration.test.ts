/** Round trip of the notification queries on a real database: every query runs and its decoded rows are checked. */
import { describe, expect, it } from "vitest";
import {
  countUnread,
  findProposalDecider,
  insertNotifications,
  insertSubtreeNotifications,
  markInboxRead,
  readInboxPage,
  type NotificationContent,
} from "@/server/queries/notification";
import { atInstant } from "@/tests/clock";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });

function content(over: Partial<NotificationContent> = {}): NotificationContent {
  return {
    teamId: env.t.team.id,
    kind: "CHEER",
    title: "A title",
    body: "A body.",
    url: "/team/dashboard",
    dedupeKey: "k",
    pushUsed: true,
    pushDefault: false,
    ...over,
  };
}

describe("notification queries", () => {
  it("insertNotifications returns the rows made, with the push status of each person's choice", async () => {
    const { db, t } = env;
    await db.notificationPreference.create({
      data: { userId: t.memberA1.userId, kind: "CHEER", channel: "PUSH", enabled: true },
    });
    const made = await insertNotifications(db, [
      { ...content({ dedupeKey: "a" }), userId: t.memberA1.userId },
      { ...content({ dedupeKey: "a" }), userId: t.memberA2.userId },
      { ...content({ dedupeKey: "b", pushDefault: true }), userId: t.memberA2.userId },
    ]);
    expect(made.map((r) => [r.userId, r.dedupeKey, r.pushStatus]).sort()).toEqual(
      [
        [t.memberA1.userId, "a", "PENDING"],
        [t.memberA2.userId, "a", null],
        [t.memberA2.userId, "b", "PENDING"],
      ].sort(),
    );
    expect(await insertNotifications(db, [{ ...content({ dedupeKey: "a" }), userId: t.memberA1.userId }])).toEqual([]);
  });

  it("insertSubtreeNotifications reaches the active subtree but one, in one statement", async () => {
    const { db, t } = env;
    await db.membership.update({ where: { id: t.memberA2.id }, data: { status: "REMOVED" } });
    const made = await insertSubtreeNotifications(db, {
      rootId: t.leaderA.id,
      exceptMembershipId: t.memberA1.id,
      content: content({ kind: "REVIEW_STARTED", dedupeKey: "review:1" }),
    });
    expect(made.map((r) => r.userId).sort()).toEqual([t.leaderA.userId, t.memberA1a.userId].sort());
    // Again: nothing new.
    expect(
      await insertSubtreeNotifications(db, {
        rootId: t.leaderA.id,
        exceptMembershipId: null,
        content: content({ kind: "REVIEW_STARTED", dedupeKey: "review:1" }),
      }),
    ).toEqual([expect.objectContaining({ userId: t.memberA1.userId })]);
  });

  it("readInboxPage pages newest first; countUnread caps; markInboxRead marks one person's team inbox", async () => {
    const { db, t } = env;
    const me = t.memberA1.userId;
    for (let i = 0; i < 5; i++) {
      await atInstant(`2027-03-0${i + 1}T09:00:00Z`, () =>
        insertNotifications(db, [{ ...content({ dedupeKey: `n${i}`, title: `N${i}` }), userId: me }]),
      );
    }
    // Not in my inbox: someone else's, a kind without INBOX, and a kind I turned off for INBOX.
    await insertNotifications(db, [{ ...content({ dedupeKey: "other" }), userId: t.memberA2.userId }]);
    await insertNotifications(db, [{ ...content({ dedupeKey: "digest", kind: "WEEKLY_DIGEST" }), userId: me }]);
    await insertNotifications(db, [{ ...content({ dedupeKey: "rev", kind: "REVIEW_STARTED" }), userId: me }]);
    await db.notificationPreference.create({
      data: { userId: me, kind: "REVIEW_STARTED", channel: "INBOX", enabled: false },
    });

    const args = { userId: me, teamId: t.team.id };
    const first = await readInboxPage(db, { ...args, cursor: null, limit: 2 });
    expect(first.map((r) => r.title)).toEqual(["N4", "N3", "N2"]);
    expect(first[0]).toEqual({
      id: expect.any(String),
      kind: "CHEER",
      title: "N4",
      body: "A body.",
      url: "/team/dashboard",
      readAt: null,
      createdAt: expect.any(Date),
    });
    expect(first[0]!.createdAt.toISOString().slice(0, 16)).toBe("2027-03-05T09:00");
    const next = await readInboxPage(db, { ...args, cursor: first[1]!.id, limit: 2 });
    expect(next.map((r) => r.title)).toEqual(["N2", "N1", "N0"]);

    expect(await countUnread(db, { ...args, cap: 100 })).toBe(5);
    expect(await countUnread(db, { ...args, cap: 3 })).toBe(3);
    expect(await markInboxRead(db, args)).toBe(5);
    expect(await countUnread(db, { ...args, cap: 100 })).toBe(0);
    expect(await countUnread(db, { userId: t.memberA2.userId, teamId: t.team.id, cap: 100 })).toBe(1);
    const reread = await readInboxPage(db, { ...args, cursor: null, limit: 1 });
    expect(reread[0]!.readAt).toBeInstanceOf(Date);
  });

  it("findProposalDecider: the goal's root, else its nearest upline leading a branch; never the proposer", async () => {
    const { db, t } = env;
    const teamId = t.team.id;
    expect(await findProposalDecider(db, { teamId, goalRootId: t.leaderA.id, proposerId: t.memberA1a.id })).toEqual({
      userId: t.leaderA.userId,
      name: "Leo Leader A",
    });
    expect(await findProposalDecider(db, { teamId, goalRootId: t.leaderA.id, proposerId: t.leaderA.id })).toEqual({
      userId: t.owner.userId,
      name: "Olivia Owner",
    });
    // A sponsor (a MEMBER with a downline) leads a branch where the team lets sponsors lead…
    expect(
      await findProposalDecider(db, { teamId, goalRootId: t.memberA1.id, proposerId: t.memberA1a.id }),
    ).toMatchObject({ userId: t.memberA1.userId });
    // …and not where it does not: the decision goes up to the leader.
    await db.team.update({ where: { id: teamId }, data: { sponsorsLeadBranches: false } });
    expect(
      await findProposalDecider(db, { teamId, goalRootId: t.memberA1.id, proposerId: t.memberA1a.id }),
    ).toMatchObject({ userId: t.leaderA.userId });
  });
});
