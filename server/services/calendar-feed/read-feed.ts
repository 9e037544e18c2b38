/**
 * Serves a calendar feed by its token (app/api/calendar/[token]/route.ts): no session — the token is the secret.
 * Null (the route answers a bare 404) for a malformed or unknown token — a reset one included — and for a feed
 * whose member is no longer an active member of the team: the membership is checked at every read through the same
 * access query as every team request (`loadTeamScope`), so a removed member's feed stops at once.
 */
import type { Db } from "@/server/db-client";
import { now } from "@/server/clock";
import { AppError } from "@/server/errors";
import { loadTeamScope } from "@/server/services/team/scope";
import { feedContent } from "./feed-events";
import { FEED_TOKEN_PATTERN, hashFeedToken } from "./feed-token";
import { renderIcs } from "./render-ics";

/** A calendar polling every few minutes writes "last read" at most once a minute. */
const FETCH_STAMP_MS = 60_000;

export async function readCalendarFeed(
  db: Db,
  token: string,
  args: { origin: string },
): Promise<{ ics: string } | null> {
  if (!FEED_TOKEN_PATTERN.test(token)) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashFeedToken(token) },
    select: {
      id: true,
      scope: true,
      membership: {
        select: {
          status: true,
          userId: true,
          team: {
            select: {
              id: true,
              slug: true,
              name: true,
              timeZone: true,
              createdAt: true,
              reviewWeekday: true,
              reviewTime: true,
              reviewMinutes: true,
            },
          },
        },
      },
    },
  });
  if (!feed || feed.membership.status !== "ACTIVE") return null;
  const team = feed.membership.team;
  let scope;
  try {
    scope = await loadTeamScope(db, { teamId: team.id, userId: feed.membership.userId });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
  const stamp = now();
  await db.calendarFeed.updateMany({
    where: {
      id: feed.id,
      OR: [{ lastFetchedAt: null }, { lastFetchedAt: { lt: new Date(stamp.getTime() - FETCH_STAMP_MS) } }],
    },
    data: { lastFetchedAt: stamp },
  });
  const content = await feedContent(db, scope, { scope: feed.scope, team });
  return { ics: renderIcs(content, { origin: args.origin, stamp }) };
}
