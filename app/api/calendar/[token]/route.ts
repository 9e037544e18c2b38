/**
 * GET / HEAD /api/calendar/<token> — a private iCal feed (server/services/calendar-feed/read-feed.ts). No session
 * cookie: calendars (Google, Apple, Outlook) fetch it on their own, and the 43-character random token is the secret.
 * A malformed, unknown, reset or removed member's token is a bare 404 — nothing says which. The feed changes as
 * plans do, so calendars may keep it 15 minutes (private: never in a shared cache).
 */
import { errorResponse } from "@/server/api/error-mapping";
import { db } from "@/server/db";
import { env } from "@/env";
import { FEED_REFRESH_SECONDS } from "@/server/domain/calendar-feed";
import { readCalendarFeed } from "@/server/services/calendar-feed/read-feed";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

async function serve(req: Request, { params }: Params, head: boolean): Promise<Response> {
  try {
    const { token } = await params;
    const feed = await readCalendarFeed(db, token, { origin: env.NEXTAUTH_URL ?? new URL(req.url).origin });
    if (!feed) return notFound();
    const body = new TextEncoder().encode(feed.ics);
    return new Response(head ? null : body, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": 'inline; filename="backplan.ics"',
        "content-length": String(body.byteLength),
        "cache-control": `private, max-age=${FEED_REFRESH_SECONDS}`,
        "x-robots-tag": "noindex",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

export const GET = (req: Request, ctx: Params) => serve(req, ctx, false);
export const HEAD = (req: Request, ctx: Params) => serve(req, ctx, true);
