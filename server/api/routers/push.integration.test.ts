/**
 * Web Push subscriptions and notification preferences, per object: a subscription is its owner's alone (someone
 * else's endpoint is NOT_FOUND to unsubscribe, and moves to another account only from the same browser — the stored
 * keys); preferences list every kind × channel with defaults and refuse a channel the kind does not use.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_INFO, kindUsesChannel } from "@/server/domain/notification-kinds";
import { ZPushSubscriptionJson } from "@/server/schemas/push";
import { MAX_SUBSCRIPTIONS_PER_USER } from "@/server/services/push/subscribe-push";
import { codeOf } from "@/tests/caller";
import { makeUser } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";

const env = setUpTestDatabase({ tree: "none" });

/** A browser's subscription JSON: a random endpoint and keys of the right sizes. */
function browserSubscription(endpoint = `https://fcm.googleapis.com/fcm/send/${randomUUID()}`) {
  const p256dh = Buffer.concat([Buffer.from([4]), randomBytes(64)]).toString("base64url");
  return { endpoint, expirationTime: null, keys: { p256dh, auth: randomBytes(16).toString("base64url") } };
}

async function twoPeople() {
  const ann = await makeUser(env.db, { name: "Ann" });
  const bob = await makeUser(env.db, { name: "Bob" });
  return { ann, bob, asAnn: env.caller(ann), asBob: env.caller(bob) };
}

describe("push subscriptions", () => {
  it("stores a subscription, updates it on re-subscribe, counts it, and reports this device", async () => {
    const { ann, asAnn } = await twoPeople();
    const sub = browserSubscription();
    expect(await asAnn.push.subscribe({ subscription: sub, userAgent: "Firefox on Android" })).toEqual({
      subscriptionCount: 1,
    });
    const renewed = { ...sub, keys: browserSubscription().keys };
    expect(await asAnn.push.subscribe({ subscription: renewed })).toEqual({ subscriptionCount: 1 });
    const row = await env.db.pushSubscription.findUniqueOrThrow({ where: { endpoint: sub.endpoint } });
    expect(row).toMatchObject({ userId: ann.id, p256dh: renewed.keys.p256dh, auth: renewed.keys.auth, failures: 0 });

    await asAnn.push.subscribe({ subscription: browserSubscription() });
    const status = await asAnn.push.status({ endpoint: sub.endpoint });
    expect(status).toMatchObject({ subscriptionCount: 2, thisDevice: true });
    expect((await asAnn.push.status({ endpoint: "https://fcm.googleapis.com/fcm/send/other" })).thisDevice).toBe(false);
    expect((await asAnn.push.status()).thisDevice).toBeNull();
  });

  it("says push is off when the server has no VAPID keys (the test environment sets none)", async () => {
    const { asAnn } = await twoPeople();
    expect(await asAnn.push.status()).toMatchObject({ configured: false, publicKey: null });
  });

  it("turns push off only on my own endpoint: someone else's is NOT_FOUND and stays", async () => {
    const { ann, asAnn, asBob } = await twoPeople();
    const sub = browserSubscription();
    await asAnn.push.subscribe({ subscription: sub });
    expect(await codeOf(asBob.push.unsubscribe({ endpoint: sub.endpoint }))).toBe("NOT_FOUND");
    expect(await env.db.pushSubscription.count({ where: { endpoint: sub.endpoint, userId: ann.id } })).toBe(1);
    expect(await codeOf(asAnn.push.unsubscribe({ endpoint: "https://fcm.googleapis.com/fcm/send/none" }))).toBe(
      "NOT_FOUND",
    );
    expect(await asAnn.push.unsubscribe({ endpoint: sub.endpoint })).toEqual({ subscriptionCount: 0 });
    expect(await env.db.pushSubscription.count({ where: { endpoint: sub.endpoint } })).toBe(0);
  });

  it("moves an endpoint to another account only from the same browser (the stored keys)", async () => {
    const { ann, bob, asAnn, asBob } = await twoPeople();
    const sub = browserSubscription();
    await asAnn.push.subscribe({ subscription: sub });

    // Someone who learned only the endpoint cannot take Ann's notifications to their keys.
    const hijack = { ...sub, keys: browserSubscription().keys };
    expect(await codeOf(asBob.push.subscribe({ subscription: hijack }))).toBe("CONFLICT");
    expect(await env.db.pushSubscription.findUniqueOrThrow({ where: { endpoint: sub.endpoint } })).toMatchObject({
      userId: ann.id,
      p256dh: sub.keys.p256dh,
    });

    // Bob signs in on Ann's browser and turns push on: the browser hands back the same subscription, keys and all.
    await env.db.pushSubscription.update({ where: { endpoint: sub.endpoint }, data: { failures: 3 } });
    expect(await asBob.push.subscribe({ subscription: sub })).toEqual({ subscriptionCount: 1 });
    expect(await env.db.pushSubscription.findUniqueOrThrow({ where: { endpoint: sub.endpoint } })).toMatchObject({
      userId: bob.id,
      failures: 0,
    });
    expect((await asAnn.push.status()).subscriptionCount).toBe(0);
    expect(await codeOf(asAnn.push.unsubscribe({ endpoint: sub.endpoint }))).toBe("NOT_FOUND");
  });

  it(`keeps at most ${MAX_SUBSCRIPTIONS_PER_USER} devices a person, forgetting the oldest`, async () => {
    const { ann, asAnn } = await twoPeople();
    const first = browserSubscription();
    await asAnn.push.subscribe({ subscription: first });
    await env.db.pushSubscription.updateMany({ where: { userId: ann.id }, data: { createdAt: new Date(0) } });
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_USER; i++)
      await asAnn.push.subscribe({ subscription: browserSubscription() });
    expect((await asAnn.push.status()).subscriptionCount).toBe(MAX_SUBSCRIPTIONS_PER_USER);
    expect(await env.db.pushSubscription.count({ where: { endpoint: first.endpoint } })).toBe(0);
  });

  it("refuses what is not a browser subscription, with a clear message, and stores nothing", async () => {
    const { ann, asAnn } = await twoPeople();
    const bad = [
      { ...browserSubscription("http://fcm.googleapis.com/fcm/send/x") },
      { ...browserSubscription("https://127.0.0.1/push") },
      { ...browserSubscription("https://169.254.169.254/latest/meta-data") },
      { ...browserSubscription("https://localhost/push") },
      { ...browserSubscription("https://db.internal/push") },
      { ...browserSubscription("https://[::1]/push") },
      { ...browserSubscription("https://user:pw@fcm.googleapis.com/x") },
      { ...browserSubscription(), keys: { p256dh: "short", auth: randomBytes(16).toString("base64url") } },
      { ...browserSubscription(), keys: { p256dh: browserSubscription().keys.p256dh, auth: "AAAA" } },
    ];
    for (const subscription of bad) {
      expect(ZPushSubscriptionJson.safeParse(subscription).success, JSON.stringify(subscription)).toBe(false);
      await expect(asAnn.push.subscribe({ subscription })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await env.db.pushSubscription.count({ where: { userId: ann.id } })).toBe(0);
  });

  it("is for signed-in people only", async () => {
    expect(await codeOf(env.caller(null).push.subscribe({ subscription: browserSubscription() }))).toBe("UNAUTHORIZED");
    expect(await codeOf(env.caller(null).push.preferences())).toBe("UNAUTHORIZED");
  });
});

describe("notification preferences", () => {
  it("lists every kind with the channels it uses, with defaults: inbox on, push off, email on", async () => {
    const { asAnn } = await twoPeople();
    const prefs = await asAnn.push.preferences();
    expect(prefs.map((p) => p.kind)).toEqual([...NOTIFICATION_KINDS]);
    for (const p of prefs) {
      expect(p.label).toBe(NOTIFICATION_KIND_INFO[p.kind].label);
      for (const c of p.channels) {
        expect(kindUsesChannel(p.kind, c.channel)).toBe(true);
        expect(c.enabled).toBe(c.channel === "INBOX" ? true : NOTIFICATION_KIND_INFO[p.kind].channels[c.channel]);
        expect(c.changeable).toBe(c.channel !== "INBOX");
      }
    }
    expect(prefs.find((p) => p.kind === "WEEKLY_DIGEST")?.channels.map((c) => c.channel)).toEqual(["EMAIL"]);
  });

  it("stores my choice, for me only, and reads it back", async () => {
    const { ann, asAnn, asBob } = await twoPeople();
    expect(await asAnn.push.setPreference({ kind: "PROPOSAL_WAITING", channel: "PUSH", enabled: true })).toEqual({
      kind: "PROPOSAL_WAITING",
      channel: "PUSH",
      enabled: true,
    });
    await asAnn.push.setPreference({ kind: "DAILY_REMINDER", channel: "EMAIL", enabled: false });
    const mine = await asAnn.push.preferences();
    const get = (prefs: typeof mine, kind: string, channel: string) =>
      prefs.find((p) => p.kind === kind)?.channels.find((c) => c.channel === channel)?.enabled;
    expect(get(mine, "PROPOSAL_WAITING", "PUSH")).toBe(true);
    expect(get(mine, "DAILY_REMINDER", "EMAIL")).toBe(false);
    const bobs = await asBob.push.preferences();
    expect(get(bobs, "PROPOSAL_WAITING", "PUSH")).toBe(false);
    expect(get(bobs, "DAILY_REMINDER", "EMAIL")).toBe(true);
    await asAnn.push.setPreference({ kind: "PROPOSAL_WAITING", channel: "PUSH", enabled: false });
    expect(
      await env.db.notificationPreference.findMany({ where: { userId: ann.id }, orderBy: { kind: "asc" } }),
    ).toEqual([
      expect.objectContaining({ kind: "PROPOSAL_WAITING", channel: "PUSH", enabled: false }),
      expect.objectContaining({ kind: "DAILY_REMINDER", channel: "EMAIL", enabled: false }),
    ]);
  });

  it("refuses a channel the kind does not use, and the inbox, with a clear error", async () => {
    const { ann, asAnn } = await twoPeople();
    await expect(asAnn.push.setPreference({ kind: "CHEER", channel: "EMAIL", enabled: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: '"Someone cheered my victory" is not sent by email.',
    });
    await expect(
      asAnn.push.setPreference({ kind: "WEEKLY_DIGEST", channel: "PUSH", enabled: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: '"Weekly digest of my branch" is not sent by push.' });
    await expect(asAnn.push.setPreference({ kind: "CHEER", channel: "INBOX", enabled: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/inbox always keeps/),
    });
    expect(await env.db.notificationPreference.count({ where: { userId: ann.id } })).toBe(0);
  });
});
