/**
 * The in-app inbox (issue 20): the caller's notifications in one team, the bell's unread count, mark read.
 * Who may call what: server/api/policy/notification.ts. Notifications are made by notify()
 * (server/services/notification/notify.ts) in the services of the events.
 */
import { ownNotificationProcedure } from "@/server/api/policy/notification";
import { router, teamProcedure } from "@/server/api/trpc";
import { ZNotificationListInput } from "@/server/schemas/notification";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  unreadCount,
} from "@/server/services/notification/inbox";

export const notificationRouter = router({
  /** A page of my inbox in this team, newest first. */
  list: teamProcedure
    .input(ZNotificationListInput)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.scope, input)),
  /** The bell: my unread notifications in this team, counted up to 100 ("99+"). */
  unreadCount: teamProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.scope)),
  markRead: ownNotificationProcedure.mutation(({ ctx }) => markNotificationRead(ctx.db, ctx.notification)),
  /** Every notification of my inbox in this team. */
  markAllRead: teamProcedure.mutation(({ ctx }) => markAllNotificationsRead(ctx.db, ctx.scope)),
});
