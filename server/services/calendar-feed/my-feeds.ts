/**
 * The caller's own calendar feeds in a team (`calendarFeed.*`): one per scope (MEMBER: my plan; TEAM: the team's goals
 * I may see). Every procedure takes the caller's own membership from the scope — there is no feed id in the input,
 * so nobody reaches another member's feed. The URL's token is shown once (when made or reset) and never stored.
 */
import type { DbClient, Db } from "@/server/db-client";
import { now } from "@/server/clock";
import type { CalendarFeedScope } from "@/generated/prisma/enums";
import type { TCalendarFeedScopeInput } from "@/server/schemas/calendar-feed";
import type { TeamScope } from "@/server/services/team/scope";
import { feedPath, hashFeedToken, newFeedToken } from "./feed-token";

export const FEED_SCOPES: readonly CalendarFeedScope[] = ["MEMBER", "TEAM"];

export interface MyFeed {
  scope: CalendarFeedScope;
  /** Null: not made yet. */
  createdAt: Date | null;
  lastFetchedAt: Date | null;
  /** The feed's path with its token: only in the answer that made it (or reset it), never again. */
  path: string | null;
}

async function readMine(db: DbClient, membershipId: string) {
  return db.calendarFeed.findMany({
    where: { membershipId },
    select: { scope: true, createdAt: true, lastFetchedAt: true },
  });
}

function shape(rows: Awaited<ReturnType<typeof readMine>>, made: Map<CalendarFeedScope, string>): MyFeed[] {
  return FEED_SCOPES.map((scope) => {
    const row = rows.find((r) => r.scope === scope);
    return {
      scope,
      createdAt: row?.createdAt ?? null,
      lastFetchedAt: row?.lastFetchedAt ?? null,
      path: made.get(scope) ?? null,
    };
  });
}

/** My feeds as they are (no URL: it was shown when made). */
export async function listMyFeeds(db: DbClient, scope: TeamScope): Promise<MyFeed[]> {
  return shape(await readMine(db, scope.actor.id), new Map());
}

/**
 * Makes the feeds I do not have yet and answers with their URLs (once); the ones I already have keep their URL,
 * which is not shown again. Two racing calls make each feed once (unique membership × scope).
 */
export async function openMyFeeds(db: Db, scope: TeamScope): Promise<MyFeed[]> {
  const membershipId = scope.actor.id;
  const existing = await readMine(db, membershipId);
  const made = new Map<CalendarFeedScope, string>();
  for (const feedScope of FEED_SCOPES) {
    if (existing.some((r) => r.scope === feedScope)) continue;
    const token = newFeedToken();
    const created = await db.calendarFeed.createMany({
      data: [{ membershipId, scope: feedScope, tokenHash: hashFeedToken(token) }],
      skipDuplicates: true,
    });
    if (created.count === 1) made.set(feedScope, feedPath(token));
  }
  return shape(await readMine(db, membershipId), made);
}

/** A new token for one of my feeds (made if missing): the old URL answers 404 from now on. */
export async function resetMyFeed(db: Db, scope: TeamScope, input: TCalendarFeedScopeInput): Promise<MyFeed> {
  const membershipId = scope.actor.id;
  const token = newFeedToken();
  const tokenHash = hashFeedToken(token);
  const row = await db.calendarFeed.upsert({
    where: { membershipId_scope: { membershipId, scope: input.scope } },
    create: { membershipId, scope: input.scope, tokenHash },
    // A reset is a new feed as far as calendars know: made now, not read yet.
    update: { tokenHash, createdAt: now(), lastFetchedAt: null },
    select: { scope: true, createdAt: true, lastFetchedAt: true },
  });
  return { ...row, path: feedPath(token) };
}
