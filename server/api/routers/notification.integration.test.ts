/**
 * The inbox procedures (issue 20): a notification is only ever its user's. Another user's id — the upline's, the
 * downline's, the owner's, or one of another team — is NOT_FOUND; the inbox is per team and only while an active member.
 */
import { describe, expect, it } from "vitest";
import { notify, type NotifyInput } from "@/server/services/notification/notify";
import { makeTeam } from "@/tests/factories";
import { atInstant } from "@/tests/clock";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "each" });

let seq = 0;
async function nudge(userId: string, over: Partial<NotifyInput> = {}) {
  seq++;
  const made = await notify(env.db, {
    userId,
    teamId: env.t.team.id,
    kind: "CHEER",
    title: `Cheer ${seq}`,
    body: "Well done.",
    url: "/team/dashboard",
    dedupeKey: `test:${seq}`,
    ...over,
  });
  return made!.id;
}

describe("notification router", () => {
  it("lists my inbox newest first, page by page, with read shown; counts unread; marks one and all read", async () => {
    const { t } = env;
    const teamId = t.team.id;
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      ids.push(await atInstant(`2027-03-01T09:${String(i).padStart(2, "0")}:00Z`, () => nudge(t.memberA1.userId)));
    }
    await nudge(t.memberA2.userId);
    const me = await env.as(t.memberA1.id);

    const page1 = await me.notification.list({ teamId });
    expect(page1.items).toHaveLength(20);
    expect(page1.items[0]).toMatchObject({ id: ids[24], read: false, kind: "CHEER", url: "/team/dashboard" });
    expect(page1.nextCursor).toBe(ids[5]);
    const page2 = await me.notification.list({ teamId, cursor: page1.nextCursor });
    expect(page2.items.map((i) => i.id)).toEqual(ids.slice(0, 5).reverse());
    expect(page2.nextCursor).toBeNull();

    expect(await me.notification.unreadCount({ teamId })).toEqual({ count: 25, label: "25" });
    await me.notification.markRead({ teamId, notificationId: ids[24]! });
    // Again: still read, nothing else changes.
    await me.notification.markRead({ teamId, notificationId: ids[24]! });
    expect(await me.notification.unreadCount({ teamId })).toEqual({ count: 24, label: "24" });
    expect((await me.notification.list({ teamId, limit: 1 })).items[0]).toMatchObject({ read: true });

    expect(await me.notification.markAllRead({ teamId })).toEqual({ marked: 24 });
    expect(await me.notification.unreadCount({ teamId })).toEqual({ count: 0, label: "" });
    // Someone else's inbox is untouched.
    expect(await (await env.as(t.memberA2.id)).notification.unreadCount({ teamId })).toMatchObject({ count: 1 });
  });

  it("the bell says 99+ past 99", async () => {
    const { t } = env;
    await env.db.notification.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        userId: t.memberB1.userId,
        teamId: t.team.id,
        kind: "CHEER" as const,
        title: "Cheer",
        body: "",
        url: "/x",
        dedupeKey: `bulk:${i}`,
      })),
    });
    expect(await (await env.as(t.memberB1.id)).notification.unreadCount({ teamId: t.team.id })).toEqual({
      count: 100,
      label: "99+",
    });
  });

  it("another user's notification is NOT_FOUND to everyone else — upline, downline, owner — and stays unread", async () => {
    const { t } = env;
    const teamId = t.team.id;
    const mine = await nudge(t.memberA1.userId);
    for (const other of [t.leaderA, t.memberA1a, t.owner, t.memberB1]) {
      const caller = await env.as(other.id);
      await expect(caller.notification.markRead({ teamId, notificationId: mine })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      expect((await caller.notification.list({ teamId })).items.map((i) => i.id)).not.toContain(mine);
    }
    expect((await env.db.notification.findUniqueOrThrow({ where: { id: mine } })).readAt).toBeNull();
  });

  it("a notification of another team is NOT_FOUND through this team; a team I left shows me nothing", async () => {
    const { db, t } = env;
    const other = await makeTeam(db, { ownerId: t.memberA1.userId });
    const elsewhere = await nudge(t.memberA1.userId, { teamId: other.id });
    const me = await env.as(t.memberA1.id);
    await expect(me.notification.markRead({ teamId: t.team.id, notificationId: elsewhere })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await me.notification.list({ teamId: t.team.id })).items).toEqual([]);
    expect((await me.notification.list({ teamId: other.id })).items.map((i) => i.id)).toEqual([elsewhere]);

    await nudge(t.memberA2.userId);
    const a2 = await env.as(t.memberA2.id);
    await db.membership.update({ where: { id: t.memberA2.id }, data: { status: "REMOVED" } });
    await expect(a2.notification.list({ teamId: t.team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(a2.notification.unreadCount({ teamId: t.team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a malformed id or page size with a 400", async () => {
    const me = await env.as(env.t.memberA1.id);
    await expect(me.notification.markRead({ teamId: env.t.team.id, notificationId: "x y" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(me.notification.list({ teamId: env.t.team.id, limit: 500 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
