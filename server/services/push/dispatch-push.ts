/**
 * The push delivery run (job `push.dispatch`, every minute): sends the PENDING notifications of the outbox
 * (`Notification.pushStatus`, set by notify() when the person turned push on for the kind) to every browser the
 * person subscribed, with web-push (aes128gcm payload encryption, VAPID authorisation).
 *
 * For each claimed notification (server/queries/push.ts: SKIP LOCKED + a lease, so two workers never send it twice
 * and a crashed worker's claim is retried once its lease is over):
 * - no subscription (or push off on this server, or older than a day) → SKIPPED;
 * - at least one browser accepted it → SENT;
 * - the push service answered 404/410 → that subscription is gone: deleted; none left → SKIPPED;
 * - every send failed otherwise → PENDING again after a back-off (1, 2, 4, 8 minutes), FAILED after
 *   MAX_PUSH_ATTEMPTS claims.
 * The outcome is written only while the row carries this claim's `pushAttempts` (a later claim wins). A notification
 * sent twice after a crash between "sent" and "marked" shows once: its tag (the dedupe key) replaces the first.
 */
import webpush, { type PushSubscription as WebPushSubscription } from "web-push";
import type { DeliveryStatus } from "@/generated/prisma/enums";
import { now } from "@/server/clock";
import type { DbClient } from "@/server/db-client";
import { claimPendingPushes, type ClaimedPushRow } from "@/server/queries/push";
import type { VapidConfig } from "./vapid";

export const MAX_PUSH_ATTEMPTS = 5;
/** How long a claim holds a row before another worker may take it over. */
export const PUSH_LEASE_MS = 2 * 60_000;
/** Older news is not pushed any more (it stays in the inbox). */
export const PUSH_MAX_AGE_MS = 24 * 60 * 60_000;
/**
 * A subscription failing this many sends in a row (not 404/410), with no success for SUBSCRIPTION_DEAD_AFTER_MS, is
 * forgotten (the server's keys changed, the browser was reset): a push service's outage of a few hours never is.
 */
export const MAX_SUBSCRIPTION_FAILURES = 10;
export const SUBSCRIPTION_DEAD_AFTER_MS = 7 * 24 * 60 * 60_000;
const BATCH = 50;
const MAX_BATCHES = 20;
const SEND_TIMEOUT_MS = 10_000;

/** What a browser's service worker receives (app/serwist/sw.ts shows it). */
export interface PushPayload {
  title: string;
  body: string;
  /** A path inside the app, opened when the notification is clicked. */
  url: string;
  /** Notifications with one tag replace each other on the device. */
  tag: string;
}

export interface DispatchPushResult {
  claimed: number;
  sent: number;
  skipped: number;
  failed: number;
  retried: number;
  removedSubscriptions: number;
}

export interface DispatchPushOptions {
  /** null = push is not set up: everything pending is SKIPPED. */
  vapid: VapidConfig | null;
  /** Rows per claim (tests use small ones). */
  batchSize?: number;
}

export function pushPayload(row: Pick<ClaimedPushRow, "title" | "body" | "url" | "dedupeKey">): PushPayload {
  // Push services take about 4 kB of payload: the texts are short sentences, cut to stay well within it.
  return {
    title: row.title.slice(0, 200),
    body: row.body.slice(0, 1000),
    url: row.url.startsWith("/") && !row.url.startsWith("//") ? row.url : "/",
    tag: row.dedupeKey.slice(0, 200),
  };
}

function backoffMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

type SendOutcome = "ok" | "gone" | "error";

/**
 * One POST to a push service. web-push builds the request (the aes128gcm-encrypted payload, the VAPID
 * `Authorization`, TTL); it is sent with fetch, which never follows a redirect (a push service does not redirect, and a
 * subscription must not steer the server elsewhere) and gives up after SEND_TIMEOUT_MS.
 */
async function sendOne(sub: WebPushSubscription, payload: string, vapid: VapidConfig): Promise<SendOutcome> {
  try {
    const request = webpush.generateRequestDetails(sub, payload, {
      vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
      TTL: Math.floor(PUSH_MAX_AGE_MS / 1000),
      contentEncoding: "aes128gcm",
    });
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body === null ? undefined : new Uint8Array(request.body),
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return "ok";
    if (response.status === 404 || response.status === 410) return "gone";
    console.warn(`[push] a push service answered HTTP ${response.status}`);
    return "error";
  } catch (error) {
    console.warn(`[push] a send failed: ${error instanceof Error ? error.message : String(error)}`);
    return "error";
  }
}

export async function dispatchPush(db: DbClient, options: DispatchPushOptions): Promise<DispatchPushResult> {
  const result: DispatchPushResult = {
    claimed: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    retried: 0,
    removedSubscriptions: 0,
  };
  const batchSize = options.batchSize ?? BATCH;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const at = now();
    const rows = await claimPendingPushes(db, {
      now: at,
      leaseUntil: new Date(at.getTime() + PUSH_LEASE_MS),
      limit: batchSize,
    });
    result.claimed += rows.length;
    if (rows.length > 0) await deliverBatch(db, rows, options.vapid, result);
    if (rows.length < batchSize) break;
  }
  return result;
}

async function deliverBatch(
  db: DbClient,
  rows: ClaimedPushRow[],
  vapid: VapidConfig | null,
  result: DispatchPushResult,
): Promise<void> {
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const subscriptions = vapid
    ? await db.pushSubscription.findMany({
        where: { userId: { in: userIds } },
        select: {
          id: true,
          userId: true,
          endpoint: true,
          p256dh: true,
          auth: true,
          lastSuccessAt: true,
          createdAt: true,
        },
      })
    : [];
  const gone = new Set<string>();
  for (const row of rows) {
    const at = now();
    const mine = subscriptions.filter((s) => s.userId === row.userId && !gone.has(s.id));
    if (!vapid || mine.length === 0 || at.getTime() - row.createdAt.getTime() > PUSH_MAX_AGE_MS) {
      if (await finish(db, row, "SKIPPED")) result.skipped++;
      continue;
    }
    const payload = JSON.stringify(pushPayload(row));
    const outcomes = await Promise.all(
      mine.map(async (s) => ({
        s,
        outcome: await sendOne({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, vapid),
      })),
    );
    for (const { s, outcome } of outcomes) {
      if (outcome === "gone") {
        gone.add(s.id);
        result.removedSubscriptions += (await db.pushSubscription.deleteMany({ where: { id: s.id } })).count;
      } else if (outcome === "ok") {
        await db.pushSubscription.updateMany({ where: { id: s.id }, data: { lastSuccessAt: at, failures: 0 } });
      } else {
        const updated = await db.pushSubscription.update({
          where: { id: s.id },
          data: { failures: { increment: 1 } },
          select: { failures: true },
        });
        const lastGood = s.lastSuccessAt ?? s.createdAt;
        if (
          updated.failures >= MAX_SUBSCRIPTION_FAILURES &&
          at.getTime() - lastGood.getTime() > SUBSCRIPTION_DEAD_AFTER_MS
        ) {
          gone.add(s.id);
          result.removedSubscriptions += (await db.pushSubscription.deleteMany({ where: { id: s.id } })).count;
        }
      }
    }
    if (outcomes.some((o) => o.outcome === "ok")) {
      if (await finish(db, row, "SENT")) result.sent++;
    } else if (outcomes.every((o) => o.outcome === "gone")) {
      if (await finish(db, row, "SKIPPED")) result.skipped++;
    } else if (row.pushAttempts >= MAX_PUSH_ATTEMPTS) {
      if (await finish(db, row, "FAILED")) result.failed++;
    } else {
      const retryAt = new Date(at.getTime() + backoffMs(row.pushAttempts));
      const { count } = await db.notification.updateMany({
        where: { id: row.id, pushStatus: "PENDING", pushAttempts: row.pushAttempts },
        data: { pushNotBefore: retryAt },
      });
      result.retried += count;
    }
  }
}

/** Writes the outcome while the row is still this claim's; false when a later claim took it over. */
async function finish(db: DbClient, row: ClaimedPushRow, status: Exclude<DeliveryStatus, "PENDING">) {
  const { count } = await db.notification.updateMany({
    where: { id: row.id, pushStatus: "PENDING", pushAttempts: row.pushAttempts },
    data: { pushStatus: status, pushNotBefore: null },
  });
  return count > 0;
}
