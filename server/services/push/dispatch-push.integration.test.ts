/**
 * The push delivery run against a LOCAL push service: an http server in the test plays the browser vendor's endpoint.
 * A subscription's keys are made here like a browser makes them (ECDH P-256 + a 16-byte auth secret), so the test
 * decrypts what web-push sent (aes128gcm) with the subscription's private key and checks the VAPID authorisation.
 * Then: 404/410 deletes the subscription, errors retry with back-off then fail, no subscription is SKIPPED, push off
 * on the server is SKIPPED, a crashed worker's claim is taken over, and two runs at once send each push once.
 */
import { createECDH, createPublicKey, randomBytes, randomUUID, verify, type ECDH } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import webpush from "web-push";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { now, pinClock } from "@/server/clock";
import { claimPendingPushes } from "@/server/queries/push";
import { TEST_NOW } from "@/tests/clock";
import { makeUser } from "@/tests/factories";
import { setUpTestDatabase } from "@/tests/setup/integration";
import { MAX_PUSH_ATTEMPTS, PUSH_LEASE_MS, dispatchPush, type PushPayload } from "./dispatch-push";
import type { VapidConfig } from "./vapid";

const ece = createRequire(import.meta.url)("http_ece") as {
  decrypt(body: Buffer, params: { version: "aes128gcm"; privateKey: ECDH; authSecret: string }): Buffer;
};

const env = setUpTestDatabase({ tree: "once" });
const keys = webpush.generateVAPIDKeys();
const vapid: VapidConfig = { ...keys, subject: "mailto:ops@backplan.test" };

interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

/** The local push service: records every request; answers with the status set for its path (default 201). */
let server: Server;
let origin = "";
const received: Received[] = [];
const statusFor = new Map<string, number>();
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "";
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(statusFor.get(path) ?? 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(async () => {
  received.length = 0;
  statusFor.clear();
  pinClock(TEST_NOW);
  // Each test starts from an empty outbox: rows left PENDING by another test would be claimed here too.
  await env.db.notification.deleteMany({});
  await env.db.pushSubscription.deleteMany({});
});

/** A browser's subscription: its own key pair and auth secret, on the local push service. */
async function subscribe(userId: string) {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16).toString("base64url");
  const path = `/push/${randomUUID()}`;
  const row = await env.db.pushSubscription.create({
    data: {
      userId,
      endpoint: origin + path,
      p256dh: ecdh.getPublicKey().toString("base64url"),
      auth,
      userAgent: "test browser",
    },
  });
  return { row, ecdh, auth, path };
}

async function pending(userId: string, title = "Nina proposed a new target") {
  return env.db.notification.create({
    data: {
      userId,
      teamId: env.t.team.id,
      kind: "PROPOSAL_WAITING",
      title,
      body: "Open the plan to accept or change it.",
      url: `/${env.t.team.slug}/plan?proposal=p1`,
      dedupeKey: `proposal:${randomUUID()}`,
      pushStatus: "PENDING",
      createdAt: now(),
    },
  });
}

const statusOf = async (id: string) =>
  env.db.notification.findUniqueOrThrow({
    where: { id },
    select: { pushStatus: true, pushAttempts: true, pushNotBefore: true },
  });

/** Checks the `Authorization: vapid t=<JWT>, k=<public key>` header: signed by our key, for this origin. */
function assertVapid(headers: IncomingMessage["headers"]) {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(headers.authorization ?? "");
  expect(match, headers.authorization).not.toBeNull();
  const [, jwt = "", k = ""] = match!;
  expect(k).toBe(vapid.publicKey);
  const [head = "", claims = "", signature = ""] = jwt.split(".");
  expect(JSON.parse(Buffer.from(head, "base64url").toString())).toMatchObject({ alg: "ES256" });
  const body = JSON.parse(Buffer.from(claims, "base64url").toString()) as { aud: string; sub: string; exp: number };
  expect(body.aud).toBe(origin);
  expect(body.sub).toBe(vapid.subject);
  const point = Buffer.from(vapid.publicKey, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33, 65).toString("base64url"),
    },
    format: "jwk",
  });
  const signed = Buffer.from(`${head}.${claims}`);
  expect(verify("sha256", signed, { key, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"))).toBe(true);
}

describe("push delivery (local push service)", () => {
  it("sends an encrypted aes128gcm payload with VAPID to every device; the browser's key decrypts it", async () => {
    const user = await makeUser(env.db, { name: "Nina" });
    const phone = await subscribe(user.id);
    const laptop = await subscribe(user.id);
    const n = await pending(user.id);

    const result = await dispatchPush(env.db, { vapid });

    expect(result).toMatchObject({ claimed: 1, sent: 1, skipped: 0, failed: 0, retried: 0 });
    expect(received.map((r) => r.path).sort()).toEqual([phone.path, laptop.path].sort());
    for (const device of [phone, laptop]) {
      const request = received.find((r) => r.path === device.path)!;
      expect(request.headers["content-encoding"]).toBe("aes128gcm");
      expect(request.headers["content-type"]).toBe("application/octet-stream");
      expect(Number(request.headers.ttl)).toBeGreaterThan(0);
      assertVapid(request.headers);
      // Not readable on the way: only the subscription's private key and auth secret open it.
      expect(request.body.toString("latin1")).not.toContain("Nina");
      const plain = ece.decrypt(request.body, {
        version: "aes128gcm",
        privateKey: device.ecdh,
        authSecret: device.auth,
      });
      const payload = JSON.parse(plain.toString("utf8")) as PushPayload;
      expect(payload).toEqual({
        title: "Nina proposed a new target",
        body: "Open the plan to accept or change it.",
        url: `/${env.t.team.slug}/plan?proposal=p1`,
        tag: n.dedupeKey,
      });
    }
    expect(await statusOf(n.id)).toEqual({ pushStatus: "SENT", pushAttempts: 1, pushNotBefore: null });
    const subs = await env.db.pushSubscription.findMany({ where: { userId: user.id } });
    expect(subs.map((s) => [s.lastSuccessAt !== null, s.failures])).toEqual([
      [true, 0],
      [true, 0],
    ]);

    // Run again: nothing pending, nothing sent (idempotent).
    expect(await dispatchPush(env.db, { vapid })).toMatchObject({ claimed: 0, sent: 0 });
    expect(received).toHaveLength(2);
  });

  it("deletes a subscription the push service says is gone (410, 404); none left = SKIPPED", async () => {
    const user = await makeUser(env.db);
    const gone = await subscribe(user.id);
    const alive = await subscribe(user.id);
    statusFor.set(gone.path, 410);
    const first = await pending(user.id);
    expect(await dispatchPush(env.db, { vapid })).toMatchObject({ sent: 1, removedSubscriptions: 1 });
    expect(await env.db.pushSubscription.findUnique({ where: { id: gone.row.id } })).toBeNull();
    expect((await statusOf(first.id)).pushStatus).toBe("SENT");

    statusFor.set(alive.path, 404);
    const second = await pending(user.id);
    expect(await dispatchPush(env.db, { vapid })).toMatchObject({ skipped: 1, removedSubscriptions: 1 });
    expect(await env.db.pushSubscription.count({ where: { userId: user.id } })).toBe(0);
    expect((await statusOf(second.id)).pushStatus).toBe("SKIPPED");
  });

  it("skips a notification of someone without a subscription, and everything when push is off here", async () => {
    const nobody = await makeUser(env.db);
    const n = await pending(nobody.id);
    expect(await dispatchPush(env.db, { vapid })).toMatchObject({ claimed: 1, skipped: 1 });
    expect((await statusOf(n.id)).pushStatus).toBe("SKIPPED");

    const subscribed = await makeUser(env.db);
    await subscribe(subscribed.id);
    const m = await pending(subscribed.id);
    expect(await dispatchPush(env.db, { vapid: null })).toMatchObject({ claimed: 1, skipped: 1 });
    expect((await statusOf(m.id)).pushStatus).toBe("SKIPPED");
    expect(received).toHaveLength(0);
  });

  it("retries a failing push service with back-off, then gives up (FAILED) after the last attempt", async () => {
    const user = await makeUser(env.db);
    const device = await subscribe(user.id);
    statusFor.set(device.path, 503);
    pinClock(TEST_NOW, { frozen: true });
    const n = await pending(user.id);

    expect(await dispatchPush(env.db, { vapid })).toMatchObject({ claimed: 1, retried: 1 });
    const afterFirst = await statusOf(n.id);
    expect(afterFirst.pushStatus).toBe("PENDING");
    expect(afterFirst.pushNotBefore!.getTime()).toBe(now().getTime() + 60_000);
    // Not before its time.
    expect(await dispatchPush(env.db, { vapid })).toMatchObject({ claimed: 0 });

    for (let attempt = 2; attempt <= MAX_PUSH_ATTEMPTS; attempt++) {
      const { pushNotBefore } = await statusOf(n.id);
      pinClock(pushNotBefore!.getTime() + 1000, { frozen: true });
      await dispatchPush(env.db, { vapid });
    }
    expect(await statusOf(n.id)).toMatchObject({ pushStatus: "FAILED", pushAttempts: MAX_PUSH_ATTEMPTS });
    expect(received).toHaveLength(MAX_PUSH_ATTEMPTS);
    expect((await env.db.pushSubscription.findUniqueOrThrow({ where: { id: device.row.id } })).failures).toBe(
      MAX_PUSH_ATTEMPTS,
    );
  });

  it("forgets a device that keeps failing with no success for a week, never one a short outage hits", async () => {
    const user = await makeUser(env.db);
    const dead = await subscribe(user.id);
    const flaky = await subscribe(user.id);
    statusFor.set(dead.path, 403);
    statusFor.set(flaky.path, 503);
    const weekAgo = new Date(now().getTime() - 8 * 24 * 60 * 60_000);
    await env.db.pushSubscription.update({ where: { id: dead.row.id }, data: { failures: 9, createdAt: weekAgo } });
    await env.db.pushSubscription.update({
      where: { id: flaky.row.id },
      data: { failures: 9, createdAt: weekAgo, lastSuccessAt: new Date(now().getTime() - 60 * 60_000) },
    });
    await pending(user.id);
    expect(await dispatchPush(env.db, { vapid })).toMatchObject({ retried: 1, removedSubscriptions: 1 });
    expect(await env.db.pushSubscription.findUnique({ where: { id: dead.row.id } })).toBeNull();
    expect((await env.db.pushSubscription.findUniqueOrThrow({ where: { id: flaky.row.id } })).failures).toBe(10);
  });

  it("takes over the claim of a worker that died (its lease is over) and ignores that worker's late outcome", async () => {
    const user = await makeUser(env.db);
    await subscribe(user.id);
    const n = await pending(user.id);
    const [dead] = await claimPendingPushes(env.db, {
      now: now(),
      leaseUntil: new Date(now().getTime() + PUSH_LEASE_MS),
      limit: 10,
    });
    expect(dead?.id).toBe(n.id);
    // While the lease holds, nobody else sends it.
    expect(await dispatchPush(env.db, { vapid })).toMatchObject({ claimed: 0 });
    pinClock(now().getTime() + PUSH_LEASE_MS + 1000);
    expect(await dispatchPush(env.db, { vapid })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await statusOf(n.id)).toMatchObject({ pushStatus: "SENT", pushAttempts: 2 });
    // The dead worker's claim token (attempt 1) no longer matches: its outcome cannot overwrite.
    const late = await env.db.notification.updateMany({
      where: { id: n.id, pushStatus: "PENDING", pushAttempts: dead!.pushAttempts },
      data: { pushStatus: "FAILED" },
    });
    expect(late.count).toBe(0);
  });

  it("two runs at once send each notification once", async () => {
    const users = await Promise.all([makeUser(env.db), makeUser(env.db), makeUser(env.db)]);
    for (const u of users) await subscribe(u.id);
    const made = [];
    for (const u of users) for (let i = 0; i < 4; i++) made.push(await pending(u.id, `Push ${i}`));

    const [a, b] = await Promise.all([
      dispatchPush(env.db, { vapid, batchSize: 3 }),
      dispatchPush(env.db, { vapid, batchSize: 3 }),
    ]);
    expect(a.sent + b.sent).toBe(made.length);
    expect(received).toHaveLength(made.length);
    const statuses = await env.db.notification.findMany({ where: { id: { in: made.map((m) => m.id) } } });
    expect(statuses.every((s) => s.pushStatus === "SENT" && s.pushAttempts === 1)).toBe(true);
  });

  it("does not push news older than a day (it stays in the inbox)", async () => {
    const user = await makeUser(env.db);
    await subscribe(user.id);
    const n = await pending(user.id);
    pinClock(now().getTime() + 25 * 60 * 60_000);
    expect(await dispatchPush(env.db, { vapid })).toMatchObject({ skipped: 1 });
    expect((await statusOf(n.id)).pushStatus).toBe("SKIPPED");
    expect(received).toHaveLength(0);
  });
});
