/**
 * Notifications (issue 20), every hand-written statement of them:
 * - the one insert behind notify()/notifyMany()/notifySubtree() (server/services/notification/notify.ts): rows made
 *   once per (userId, dedupeKey) — ON CONFLICT DO NOTHING — with the push outbox status decided from each person's
 *   PUSH preference read in the same statement;
 * - the audience of an event that reaches a whole branch (a review started: the active members of a subtree), in the
 *   same statement as the insert (a recursive CTE), never one query per member;
 * - the inbox of one person in one team: a page (newest first, keyset paging), the unread count (capped), mark read.
 *
 * The inbox shows the kinds that use INBOX (`kindUsesChannel`), minus those the person turned off for INBOX
 * (a NotificationPreference row with enabled = false): `inboxFilterSql`.
 */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/server/db-client";
import { NOTIFICATION_KINDS, kindUsesChannel, type NotificationKind } from "@/server/domain/notification-kinds";
import { execute, queryFirst, queryRows, zcol, zodRows } from "./decode";
import { leadsBranchSql } from "./team";
import { subtreeCte } from "./tree";
import { sqlNow } from "./sql-now";

/** How far up a chain is walked (a guard against a corrupt cycle; trees are far shallower). */
const MAX_CHAIN = 10_000;

/** What each row needs besides its person: the kind's push rule comes from `channelEnabled` in the service. */
export interface NotificationContent {
  teamId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  url: string;
  dedupeKey: string;
  /** Whether the kind may use PUSH at all (`kindUsesChannel`). */
  pushUsed: boolean;
  /** The kind's PUSH default when the person has no stored choice (`channelEnabled(kind, "PUSH", undefined)`). */
  pushDefault: boolean;
}

export interface NotificationRowInput extends NotificationContent {
  userId: string;
}

const insertedRows = zodRows(
  "notification.insert",
  z.object({ id: z.string(), userId: z.string(), dedupeKey: z.string(), pushStatus: z.enum(["PENDING"]).nullable() }),
);

/**
 * INSERT … SELECT from `source`, a relation `i` with the columns ("userId", "teamId", kind, title, body, url,
 * "dedupeKey", "pushUsed", "pushDefault"); `ctes` are put in front (a WITH list, or nothing).
 */
function insertFrom(ctes: Prisma.Sql, source: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${ctes}
    INSERT INTO "Notification" (id, "userId", "teamId", kind, title, body, url, "dedupeKey", "pushStatus", "createdAt")
    SELECT gen_random_uuid()::text, i."userId", i."teamId", i.kind::"NotificationKind", i.title, i.body, i.url,
           i."dedupeKey",
           CASE WHEN i."pushUsed" AND COALESCE(p.enabled, i."pushDefault") THEN 'PENDING'::"DeliveryStatus" END,
           ${sqlNow()}
      FROM ${source} AS i
      LEFT JOIN "NotificationPreference" p
             ON p."userId" = i."userId" AND p.kind = i.kind::"NotificationKind" AND p.channel = 'PUSH'
    ON CONFLICT ("userId", "dedupeKey") DO NOTHING
    RETURNING id, "userId", "dedupeKey", "pushStatus"::text AS "pushStatus"`;
}

/** Inserts the rows not made before in ONE statement. Returns the rows made. */
export async function insertNotifications(db: DbClient, rows: readonly NotificationRowInput[]) {
  if (rows.length === 0) return [];
  const source = Prisma.sql`unnest(${rows.map((r) => r.userId)}::text[], ${rows.map((r) => r.teamId)}::text[],
                  ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.title)}::text[],
                  ${rows.map((r) => r.body)}::text[], ${rows.map((r) => r.url)}::text[],
                  ${rows.map((r) => r.dedupeKey)}::text[], ${rows.map((r) => r.pushUsed)}::boolean[],
                  ${rows.map((r) => r.pushDefault)}::boolean[])
           AS i("userId", "teamId", kind, title, body, url, "dedupeKey", "pushUsed", "pushDefault")`;
  // `unnest(…) AS i(…)` names the relation itself, so the source is wrapped as a subquery for `insertFrom`.
  return queryRows(db, insertedRows, insertFrom(Prisma.empty, Prisma.sql`(SELECT * FROM ${source})`));
}

/**
 * The same notification to every ACTIVE member of the subtree rooted at `rootId` (root included) except
 * `exceptMembershipId`: ONE statement, the subtree walked by a recursive CTE. Returns the rows made.
 */
export async function insertSubtreeNotifications(
  db: DbClient,
  args: { rootId: string; exceptMembershipId: string | null; content: NotificationContent },
) {
  const c = args.content;
  const source = Prisma.sql`(
      SELECT m."userId", ${c.teamId}::text AS "teamId", ${c.kind}::text AS kind, ${c.title}::text AS title,
             ${c.body}::text AS body, ${c.url}::text AS url, ${c.dedupeKey}::text AS "dedupeKey",
             ${c.pushUsed}::boolean AS "pushUsed", ${c.pushDefault}::boolean AS "pushDefault"
        FROM down JOIN "Membership" m ON m.id = down.id
       WHERE m.id IS DISTINCT FROM ${args.exceptMembershipId}::text)`;
  return queryRows(db, insertedRows, insertFrom(subtreeCte({ teamId: c.teamId, rootId: args.rootId }), source));
}

/** The kinds any inbox shows (those that use INBOX at all). */
export const INBOX_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS.filter((k) => kindUsesChannel(k, "INBOX"));

/** The rows of one person's inbox in one team (`n` is "Notification"): inbox kinds they did not turn off. */
function inboxFilterSql(args: { userId: string; teamId: string }): Prisma.Sql {
  return Prisma.sql`n."userId" = ${args.userId} AND n."teamId" = ${args.teamId}
       AND n.kind::text = ANY(${[...INBOX_KINDS]}::text[])
       AND NOT EXISTS (SELECT 1 FROM "NotificationPreference" p
                        WHERE p."userId" = n."userId" AND p.kind = n.kind AND p.channel = 'INBOX' AND NOT p.enabled)`;
}

const inboxRows = zodRows(
  "notification.inboxPage",
  z.object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    title: z.string(),
    body: z.string(),
    url: z.string(),
    readAt: zcol.date.nullable(),
    createdAt: zcol.date,
  }),
);

/**
 * A page of one person's inbox in one team, newest first (createdAt, then id: a stable order for keyset paging).
 * `cursor` is the id of the last row of the previous page (one of theirs; another id simply starts nowhere).
 * Reads `limit + 1` rows so the caller knows whether there is more.
 */
export function readInboxPage(
  db: DbClient,
  args: { userId: string; teamId: string; cursor: string | null; limit: number },
) {
  const after = args.cursor
    ? Prisma.sql`AND (n."createdAt", n.id) < (SELECT c."createdAt", c.id FROM "Notification" c
                                               WHERE c.id = ${args.cursor} AND c."userId" = ${args.userId})`
    : Prisma.empty;
  return queryRows(
    db,
    inboxRows,
    Prisma.sql`
    SELECT n.id, n.kind::text AS kind, n.title, n.body, n.url, n."readAt", n."createdAt"
      FROM "Notification" n
     WHERE ${inboxFilterSql(args)} ${after}
     ORDER BY n."createdAt" DESC, n.id DESC
     LIMIT ${args.limit + 1}`,
  );
}

export type InboxRow = Awaited<ReturnType<typeof readInboxPage>>[number];

const countRows = zodRows("notification.unreadCount", z.object({ unread: zcol.int }));

/** Unread rows of one person's inbox in one team, counted up to `cap` (the bell shows "99+" past it). */
export async function countUnread(db: DbClient, args: { userId: string; teamId: string; cap: number }) {
  const row = await queryFirst(
    db,
    countRows,
    Prisma.sql`
    SELECT count(*) AS unread FROM (
      SELECT 1 FROM "Notification" n
       WHERE ${inboxFilterSql(args)} AND n."readAt" IS NULL
       LIMIT ${args.cap}) x`,
  );
  return row?.unread ?? 0;
}

/** Marks every unread row of one person's inbox in one team read; returns how many. */
export function markInboxRead(db: DbClient, args: { userId: string; teamId: string }): Promise<number> {
  return execute(
    db,
    Prisma.sql`
    UPDATE "Notification" n SET "readAt" = ${sqlNow()}
     WHERE ${inboxFilterSql(args)} AND n."readAt" IS NULL`,
  );
}

const deciderRows = zodRows("notification.proposalDecider", z.object({ userId: z.string(), name: z.string() }));

/**
 * Who decides a member's proposal on a goal: the nearest person, from the goal's root upwards, who leads a branch
 * (`leadsBranchSql`) and is not the proposer — the rule of `proposalProcedure` (server/api/policy/goal.ts: a decider
 * leads a branch, the proposer is in their strict downline and the goal's root is theirs to plan for) gives exactly
 * the goal's root and its upline; the nearest of them is the one the proposal waits for. ONE query (the chain walked
 * upwards). Null when nobody active can decide.
 */
export function findProposalDecider(db: DbClient, args: { teamId: string; goalRootId: string; proposerId: string }) {
  return queryFirst(
    db,
    deciderRows,
    Prisma.sql`
    WITH RECURSIVE up AS (
      SELECT id, "parentId", 0 AS distance FROM "Membership" WHERE id = ${args.goalRootId} AND "teamId" = ${args.teamId}
      UNION ALL
      SELECT m.id, m."parentId", up.distance + 1
        FROM "Membership" m JOIN up ON m.id = up."parentId"
       WHERE m."teamId" = ${args.teamId} AND up.distance < ${MAX_CHAIN}
    )
    SELECT m."userId", u.name
      FROM up
      JOIN "Membership" m ON m.id = up.id
      JOIN "Team" t ON t.id = m."teamId"
      JOIN "User" u ON u.id = m."userId"
     WHERE m.id <> ${args.proposerId} AND m.status = 'ACTIVE' AND ${leadsBranchSql(Prisma.sql`m`, Prisma.sql`t`)}
     ORDER BY up.distance
     LIMIT 1`,
  );
}
