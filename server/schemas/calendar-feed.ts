import { z } from "zod";

/** Which of my calendar feeds: MEMBER (my plan) or TEAM (the team's goals I may see). */
export const ZCalendarFeedScope = z.enum(["MEMBER", "TEAM"]);

/** Reset one of my feeds (a new URL; the old one stops working). */
export const ZCalendarFeedScopeInput = z.object({ scope: ZCalendarFeedScope });
export type TCalendarFeedScopeInput = z.infer<typeof ZCalendarFeedScopeInput>;
