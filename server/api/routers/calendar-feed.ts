/**
 * The caller's private calendar feeds (issue 20): `mine` lists them (made or not, when last read — never the URL),
 * `open` makes the missing ones and answers with their URLs once, `reset` gives one feed a new URL (the old one
 * answers 404 at once). Whose object: always the caller's own membership in the team (`ctx.scope.actor`) — the input
 * names only the scope (MEMBER / TEAM), never a feed or member id, so no one reaches another member's feed.
 * The feed itself is served by app/api/calendar/[token]/route.ts.
 */
import { router, teamProcedure } from "@/server/api/trpc";
import { ZCalendarFeedScopeInput } from "@/server/schemas/calendar-feed";
import { listMyFeeds, openMyFeeds, resetMyFeed } from "@/server/services/calendar-feed/my-feeds";

export const calendarFeedRouter = router({
  mine: teamProcedure.query(({ ctx }) => listMyFeeds(ctx.db, ctx.scope)),
  open: teamProcedure.mutation(({ ctx }) => openMyFeeds(ctx.db, ctx.scope)),
  reset: teamProcedure
    .input(ZCalendarFeedScopeInput)
    .mutation(({ ctx, input }) => resetMyFeed(ctx.db, ctx.scope, input)),
});
