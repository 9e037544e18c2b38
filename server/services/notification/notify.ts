/**
 * notify(): the one way a notification is made (issue 20). A row is one nudge to one person in one team — the inbox
 * row and the push outbox at once. The same (userId, dedupeKey) is made once, so a retried job, a second worker or a
 * repeated request never doubles it. Call it inside the event's transaction: it is one statement on the given client.
 *
 * pushStatus: PENDING when the person's PUSH choice for the kind (else its default, `channelEnabled`) is on; null
 * otherwise. The push job skips rows of someone without a subscription.
 */
import type { DbClient } from "@/server/db-client";
import { channelEnabled, kindUsesChannel, type NotificationKind } from "@/server/domain/notification-kinds";
import { insertNotifications, insertSubtreeNotifications } from "@/server/queries/notification";
import { isInAppPath } from "@/server/domain/in-app-path";

export { isInAppPath };

export interface NotifyInput {
  userId: string;
  teamId: string;
  kind: NotificationKind;
  /** A plain sentence: "Nina proposed a new target". */
  title: string;
  /** A plain sentence or two. */
  body: string;
  /** An in-app path ("/acme/dashboard?goal=…"), never an outside address. */
  url: string;
  /** Unique per user, e.g. "cheer:<victoryId>:<cheererUserId>". */
  dedupeKey: string;
}

function check(input: NotifyInput): void {
  if (!isInAppPath(input.url)) throw new Error(`notify(): url must be an in-app path, got "${input.url}"`);
  if (input.title.trim() === "") throw new Error("notify(): a notification needs a title");
  if (input.dedupeKey.trim() === "") throw new Error("notify(): a notification needs a dedupe key");
}

function toRow(input: NotifyInput) {
  check(input);
  return {
    ...input,
    pushUsed: kindUsesChannel(input.kind, "PUSH"),
    pushDefault: channelEnabled(input.kind, "PUSH", undefined),
  };
}

/** Makes one notification; null when the same (userId, dedupeKey) was made before. */
export async function notify(db: DbClient, input: NotifyInput): Promise<{ id: string } | null> {
  const [row] = await insertNotifications(db, [toRow(input)]);
  return row ? { id: row.id } : null;
}

/** Makes many in ONE statement (ON CONFLICT DO NOTHING); returns how many were new. */
export async function notifyMany(db: DbClient, inputs: readonly NotifyInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  return (await insertNotifications(db, inputs.map(toRow))).length;
}

/**
 * The same notification to every active member of a subtree (root included) except one (the person who caused it):
 * ONE statement (server/queries/notification.ts, a recursive CTE), never one query per member. Returns how many
 * were new.
 */
export async function notifySubtree(
  db: DbClient,
  args: { rootId: string; exceptMembershipId: string | null; content: Omit<NotifyInput, "userId"> },
): Promise<number> {
  const { content } = args;
  const row = toRow({ ...content, userId: "" });
  const made = await insertSubtreeNotifications(db, {
    rootId: args.rootId,
    exceptMembershipId: args.exceptMembershipId,
    content: {
      teamId: row.teamId,
      kind: row.kind,
      title: row.title,
      body: row.body,
      url: row.url,
      dedupeKey: row.dedupeKey,
      pushUsed: row.pushUsed,
      pushDefault: row.pushDefault,
    },
  });
  return made.length;
}
