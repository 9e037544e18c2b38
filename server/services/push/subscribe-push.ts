/**
 * A person's Web Push subscriptions: one row per browser (its endpoint is unique).
 *
 * Who owns an endpoint. A browser has one subscription per site whoever is signed in, so when a second account signs
 * in on the same browser and turns push on, the browser hands back the same endpoint with the same keys. The row then
 * moves to the new account — but only when the request carries the stored keys (`p256dh` and the `auth` secret):
 * they are made by that browser and only ever sent to this server, so knowing the endpoint alone (which a push
 * service, a log or a proxy may see) never lets anyone redirect another person's notifications. Otherwise the
 * request is refused with CONFLICT and the row stays with its owner.
 *
 * Turning push off removes only the caller's own row: someone else's endpoint is NOT_FOUND, like an unknown one.
 */
import { AppError, notFound } from "@/server/errors";
import type { DbClient } from "@/server/db-client";
import type { SessionUser } from "@/server/auth/session-user";
import type { TPushStatusInput, TSubscribePushInput, TUnsubscribePushInput } from "@/server/schemas/push";
import { vapidConfig } from "./vapid";

/** A person's devices at most; subscribing one more forgets the oldest. */
export const MAX_SUBSCRIPTIONS_PER_USER = 20;

export async function subscribePush(db: DbClient, user: Pick<SessionUser, "id">, input: TSubscribePushInput) {
  const { endpoint, keys } = input.subscription;
  const userAgent = input.userAgent?.slice(0, 500) ?? null;
  const existing = await db.pushSubscription.findUnique({
    where: { endpoint },
    select: { id: true, userId: true, p256dh: true, auth: true },
  });
  if (existing && existing.userId !== user.id) {
    const sameBrowser = existing.p256dh === keys.p256dh && existing.auth === keys.auth;
    if (!sameBrowser) {
      throw new AppError(
        "CONFLICT",
        "This push subscription is registered to another account. Turn push off and on again in this browser.",
      );
    }
  }
  if (existing) {
    // Mine (keys may be renewed), or the same browser moving to me: a fresh start either way.
    await db.pushSubscription.update({
      where: { id: existing.id },
      data: { userId: user.id, p256dh: keys.p256dh, auth: keys.auth, userAgent, failures: 0 },
    });
  } else {
    await db.pushSubscription.create({
      data: { userId: user.id, endpoint, p256dh: keys.p256dh, auth: keys.auth, userAgent },
    });
  }
  await forgetOldest(db, user.id);
  return { subscriptionCount: await db.pushSubscription.count({ where: { userId: user.id } }) };
}

async function forgetOldest(db: DbClient, userId: string) {
  const beyond = await db.pushSubscription.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: MAX_SUBSCRIPTIONS_PER_USER,
    select: { id: true },
  });
  if (beyond.length > 0) await db.pushSubscription.deleteMany({ where: { id: { in: beyond.map((s) => s.id) } } });
}

export async function unsubscribePush(db: DbClient, user: Pick<SessionUser, "id">, input: TUnsubscribePushInput) {
  const { count } = await db.pushSubscription.deleteMany({ where: { endpoint: input.endpoint, userId: user.id } });
  if (count === 0) throw notFound("This device's push subscription");
  return { subscriptionCount: await db.pushSubscription.count({ where: { userId: user.id } }) };
}

/**
 * Whether push works on this server (and its public key, for `pushManager.subscribe`), how many devices the caller
 * has, and whether the given endpoint (this browser's) is one of them.
 */
export async function pushStatus(db: DbClient, user: Pick<SessionUser, "id">, input: TPushStatusInput) {
  const config = vapidConfig();
  const [subscriptionCount, thisDevice] = await Promise.all([
    db.pushSubscription.count({ where: { userId: user.id } }),
    input?.endpoint
      ? db.pushSubscription.count({ where: { userId: user.id, endpoint: input.endpoint } }).then((n) => n > 0)
      : Promise.resolve(null),
  ]);
  return { configured: config !== null, publicKey: config?.publicKey ?? null, subscriptionCount, thisDevice };
}
