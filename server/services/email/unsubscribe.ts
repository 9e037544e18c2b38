/**
 * One-click unsubscribe (RFC 8058) from one email kind, without signing in: the token in the mail's
 * List-Unsubscribe link (server/mail/unsubscribe-token.ts) names the person and the kind. Unsubscribing stores
 * NotificationPreference (kind, EMAIL, enabled = false) — the same row the profile's notification settings write,
 * so it is turned back on there. Repeating it changes nothing more. A bad token is BAD_REQUEST and changes nothing.
 *
 * Called without a team or a session, so its shape is `(db, { token })`. Not audited: a person's own mail choice is
 * not team data.
 */
import type { DbClient } from "@/server/db-client";
import { channelEnabled, NOTIFICATION_KIND_INFO, type NotificationKind } from "@/server/domain/notification-kinds";
import { badRequest } from "@/server/errors";
import { readUnsubscribe } from "@/server/mail/unsubscribe-secret";

export const BAD_UNSUBSCRIBE_LINK =
  "This unsubscribe link is not valid (it may be cut short). Open it again from the email, or change your emails in your profile.";

export interface UnsubscribeTarget {
  kind: NotificationKind;
  /** What the kind is, in the profile's words ("Daily reminder to log"). */
  label: string;
  /** Whether the person gets this kind by email now. */
  enabled: boolean;
}

async function target(db: DbClient, token: string): Promise<{ userId: string; kind: NotificationKind }> {
  const named = readUnsubscribe(token);
  if (!named || NOTIFICATION_KIND_INFO[named.kind].channels.EMAIL === undefined) throw badRequest(BAD_UNSUBSCRIBE_LINK);
  const user = await db.user.findUnique({ where: { id: named.userId }, select: { id: true } });
  if (!user) throw badRequest(BAD_UNSUBSCRIBE_LINK);
  return named;
}

/** What the link would turn off, and whether it is on now (the unsubscribe page, before the button). */
export async function describeUnsubscribe(db: DbClient, input: { token: string }): Promise<UnsubscribeTarget> {
  const { userId, kind } = await target(db, input.token);
  const stored = await db.notificationPreference.findUnique({
    where: { userId_kind_channel: { userId, kind, channel: "EMAIL" } },
    select: { enabled: true },
  });
  return { kind, label: NOTIFICATION_KIND_INFO[kind].label, enabled: channelEnabled(kind, "EMAIL", stored?.enabled) };
}

export async function unsubscribe(db: DbClient, input: { token: string }): Promise<UnsubscribeTarget> {
  const { userId, kind } = await target(db, input.token);
  await db.notificationPreference.upsert({
    where: { userId_kind_channel: { userId, kind, channel: "EMAIL" } },
    create: { userId, kind, channel: "EMAIL", enabled: false },
    update: { enabled: false },
  });
  return { kind, label: NOTIFICATION_KIND_INFO[kind].label, enabled: false };
}
