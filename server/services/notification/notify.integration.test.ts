/** notify()/notifyMany() on a real database: made once per (user, dedupe key), push outbox from the person's choice. */
import { describe, expect, it } from "vitest";
import { isInAppPath, notify, notifyMany, type NotifyInput } from "@/server/services/notification/notify";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase();

function input(over: Partial<NotifyInput> = {}): NotifyInput {
  return {
    userId: env.t.leaderA.userId,
    teamId: env.t.team.id,
    kind: "CHEER",
    title: "Mia cheered your victory.",
    body: "Best week yet.",
    url: "/acme/dashboard",
    dedupeKey: `cheer:${Math.random()}`,
    ...over,
  };
}

describe("notify", () => {
  it("makes a row once per (user, dedupe key): a retry returns null and leaves one row", async () => {
    const first = await notify(env.db, input({ dedupeKey: "once:1" }));
    expect(first).toEqual({ id: expect.any(String) });
    expect(await notify(env.db, input({ dedupeKey: "once:1", title: "Changed" }))).toBeNull();
    const rows = await env.db.notification.findMany({ where: { userId: env.t.leaderA.userId, dedupeKey: "once:1" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: first!.id,
      title: "Mia cheered your victory.",
      readAt: null,
      pushStatus: null,
    });
  });

  it("the same dedupe key for another person is another row", async () => {
    expect(await notify(env.db, input({ dedupeKey: "shared:1" }))).not.toBeNull();
    expect(await notify(env.db, input({ dedupeKey: "shared:1", userId: env.t.memberA1.userId }))).not.toBeNull();
  });

  it("pushStatus is PENDING only where the person turned PUSH on for the kind (push is opt-in)", async () => {
    const on = env.t.memberA2.userId;
    const off = env.t.memberB1.userId;
    await env.db.notificationPreference.create({ data: { userId: on, kind: "CHEER", channel: "PUSH", enabled: true } });
    await env.db.notificationPreference.create({
      data: { userId: on, kind: "PROPOSAL_DECIDED", channel: "PUSH", enabled: false },
    });
    const made = await notifyMany(env.db, [
      input({ userId: on, dedupeKey: "push:1" }),
      input({ userId: on, dedupeKey: "push:2", kind: "PROPOSAL_DECIDED" }),
      input({ userId: off, dedupeKey: "push:1" }),
      // WEEKLY_DIGEST never uses push, whatever is stored.
      input({ userId: on, dedupeKey: "push:3", kind: "WEEKLY_DIGEST" }),
    ]);
    expect(made).toBe(4);
    const rows = await env.db.notification.findMany({
      where: { dedupeKey: { startsWith: "push:" } },
      select: { userId: true, dedupeKey: true, pushStatus: true },
    });
    const status = (userId: string, key: string) =>
      rows.find((r) => r.userId === userId && r.dedupeKey === key)?.pushStatus;
    expect(status(on, "push:1")).toBe("PENDING");
    expect(status(on, "push:2")).toBeNull();
    expect(status(off, "push:1")).toBeNull();
    expect(status(on, "push:3")).toBeNull();
  });

  it("notifyMany makes the new rows in one go, skipping ones made before and duplicates in the batch", async () => {
    await notify(env.db, input({ dedupeKey: "many:1" }));
    const made = await notifyMany(env.db, [
      input({ dedupeKey: "many:1" }),
      input({ dedupeKey: "many:2" }),
      input({ dedupeKey: "many:2" }),
      input({ dedupeKey: "many:3" }),
    ]);
    expect(made).toBe(2);
    expect(await notifyMany(env.db, [])).toBe(0);
  });

  it("runs inside the caller's transaction: a rolled-back event leaves no notification", async () => {
    await expect(
      env.db.$transaction(async (tx) => {
        await notify(tx, input({ dedupeKey: "tx:1" }));
        throw new Error("event failed");
      }),
    ).rejects.toThrow("event failed");
    expect(await env.db.notification.count({ where: { dedupeKey: "tx:1" } })).toBe(0);
  });

  it("refuses an outside address as the link", async () => {
    for (const url of ["https://evil.example", "//evil.example", "/\\evil.example", "dashboard", "/a b"]) {
      expect(isInAppPath(url)).toBe(false);
      await expect(notify(env.db, input({ url }))).rejects.toThrow("in-app path");
    }
    expect(isInAppPath("/acme/dashboard?goal=1")).toBe(true);
  });
});
