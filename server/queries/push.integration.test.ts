/** Round trip of the push outbox claim (server/queries/push.ts): the decoded row, the lease, and what it leaves. */
import { describe, expect, it } from "vitest";
import { now } from "@/server/clock";
import { makeUser } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { claimPendingPushes } from "./push";

const env = setUpTestDatabase({ tree: "once" });

describe("claimPendingPushes", () => {
  it("claims due PENDING rows oldest first, leases them and counts the attempt; leaves the others", async () => {
    const user = await makeUser(env.db);
    const at = now();
    const base = { userId: user.id, teamId: env.t.team.id, kind: "CHEER" as const, body: "Well done", url: "/t/log" };
    const older = await env.db.notification.create({
      data: {
        ...base,
        title: "Older",
        dedupeKey: "a",
        pushStatus: "PENDING",
        createdAt: new Date(at.getTime() - 5000),
      },
    });
    const newer = await env.db.notification.create({
      data: { ...base, title: "Newer", dedupeKey: "b", pushStatus: "PENDING", pushAttempts: 2, createdAt: at },
    });
    await env.db.notification.createMany({
      data: [
        {
          ...base,
          title: "Later",
          dedupeKey: "c",
          pushStatus: "PENDING",
          pushNotBefore: new Date(at.getTime() + 60_000),
        },
        { ...base, title: "Sent", dedupeKey: "d", pushStatus: "SENT" },
        { ...base, title: "Not wanted", dedupeKey: "e", pushStatus: null },
      ],
    });
    const leaseUntil = new Date(at.getTime() + 120_000);

    const first = await claimPendingPushes(env.db, { now: at, leaseUntil, limit: 1 });
    expect(first).toEqual([
      {
        id: older.id,
        userId: user.id,
        kind: "CHEER",
        title: "Older",
        body: "Well done",
        url: "/t/log",
        dedupeKey: "a",
        pushAttempts: 1,
        createdAt: older.createdAt,
      },
    ]);
    const rest = await claimPendingPushes(env.db, { now: at, leaseUntil, limit: 10 });
    expect(rest.map((r) => [r.id, r.pushAttempts])).toEqual([[newer.id, 3]]);
    const leased = await env.db.notification.findUniqueOrThrow({ where: { id: older.id } });
    expect(leased).toMatchObject({ pushStatus: "PENDING", pushNotBefore: leaseUntil, pushAttempts: 1 });
    // Leased rows are not claimed again until the lease is over.
    expect(await claimPendingPushes(env.db, { now: at, leaseUntil, limit: 10 })).toEqual([]);
    const after = await claimPendingPushes(env.db, {
      now: new Date(leaseUntil.getTime() + 1),
      leaseUntil: new Date(leaseUntil.getTime() + 120_000),
      limit: 10,
    });
    expect(after.map((r) => r.title).sort()).toEqual(["Later", "Newer", "Older"]);
  });
});
