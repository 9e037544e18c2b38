/**
 * The in-app inbox (issue 20): one person's notifications in one team. The bell in a team's header counts that team's;
 * a person who left a team no longer reaches its inbox (`teamProcedure` answers NOT_FOUND), so a team you are not an
 * active member of shows you nothing. Kinds without INBOX, and kinds the person turned off for INBOX, never show
 * (server/queries/notification.ts `inboxFilterSql`).
 *
 * A notification is only ever its user's: `findMyNotification` (used by `ownNotificationProcedure`,
 * server/api/policy/notification.ts) answers NOT_FOUND for anyone else's, or for one of another team.
 * Reading a notification is not team data: no audit event.
 */
import type { DbClient } from "@/server/db-client";
import { notFound } from "@/server/errors";
import * as clock from "@/server/clock";
import { countUnread, markInboxRead, readInboxPage } from "@/server/queries/notification";
import type { TNotificationListInput } from "@/server/schemas/notification";
import type { TeamScope } from "@/server/services/team/scope";

/** The bell counts up to this many and shows "99+" past 99. */
export const UNREAD_CAP = 100;

export async function listNotifications(db: DbClient, scope: TeamScope, input: TNotificationListInput) {
  const { actor } = scope;
  const rows = await readInboxPage(db, {
    userId: actor.userId,
    teamId: actor.teamId,
    cursor: input.cursor ?? null,
    limit: input.limit,
  });
  const items = rows.slice(0, input.limit);
  const nextCursor = rows.length > input.limit ? (items.at(-1)?.id ?? null) : null;
  return { items: items.map((r) => ({ ...r, read: r.readAt !== null })), nextCursor };
}

/** `count` is at most UNREAD_CAP; `label` is what the bell shows ("3", "99+"; "" when none). */
export async function unreadCount(db: DbClient, scope: TeamScope) {
  const count = await countUnread(db, { userId: scope.actor.userId, teamId: scope.actor.teamId, cap: UNREAD_CAP });
  return { count, label: count === 0 ? "" : count > 99 ? "99+" : String(count) };
}

export interface MyNotification {
  id: string;
  readAt: Date | null;
}

/** One of the caller's notifications in this team; NOT_FOUND for anyone else's (no hint that it exists). */
export async function findMyNotification(db: DbClient, scope: TeamScope, id: string): Promise<MyNotification> {
  const found = await db.notification.findFirst({
    where: { id, userId: scope.actor.userId, teamId: scope.actor.teamId },
    select: { id: true, readAt: true },
  });
  if (!found) throw notFound("Notification");
  return found;
}

/** Marks one read (already read: kept as it was). */
export async function markNotificationRead(db: DbClient, notification: MyNotification) {
  if (notification.readAt) return { id: notification.id, readAt: notification.readAt };
  const updated = await db.notification.update({
    where: { id: notification.id },
    data: { readAt: clock.now() },
    select: { id: true, readAt: true },
  });
  return updated;
}

export async function markAllNotificationsRead(db: DbClient, scope: TeamScope) {
  const marked = await markInboxRead(db, { userId: scope.actor.userId, teamId: scope.actor.teamId });
  return { marked };
}
