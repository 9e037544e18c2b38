import { createCallerFactory, router } from "@/server/api/trpc";
import { authRouter } from "@/server/api/routers/auth";
import { calendarRouter } from "@/server/api/routers/calendar";
import { calendarFeedRouter } from "@/server/api/routers/calendar-feed";
import { entryRouter } from "@/server/api/routers/entry";
import { goalRouter } from "@/server/api/routers/goal";
import { dashboardRouter } from "@/server/api/routers/dashboard";
import { inviteRouter } from "@/server/api/routers/invite";
import { memberRouter } from "@/server/api/routers/member";
import { metricRouter } from "@/server/api/routers/metric";
import { personRouter } from "@/server/api/routers/person";
import { notificationRouter } from "@/server/api/routers/notification";
import { pushRouter } from "@/server/api/routers/push";
import { rankRouter } from "@/server/api/routers/rank";
import { reviewRouter } from "@/server/api/routers/review";
import { teamRouter } from "@/server/api/routers/team";

export const appRouter = router({
  auth: authRouter,
  team: teamRouter,
  member: memberRouter,
  invite: inviteRouter,
  goal: goalRouter,
  entry: entryRouter,
  dashboard: dashboardRouter,
  review: reviewRouter,
  metric: metricRouter,
  rank: rankRouter,
  calendar: calendarRouter,
  calendarFeed: calendarFeedRouter,
  person: personRouter,
  notification: notificationRouter,
  push: pushRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
