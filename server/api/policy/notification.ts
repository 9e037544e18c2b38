/**
 * Who may call the inbox procedures (issue 20). Every one is a `teamProcedure`: the caller's own inbox in a team they
 * are an active member of. A notification is only ever its user's:
 *
 * - ownNotificationProcedure  the notification (`notificationId`) is the caller's, in this team; anyone else's —
 *                             their upline's, their downline's, the owner's — is NOT_FOUND. `ctx.notification`.
 */
import { teamProcedure } from "@/server/api/trpc";
import { ZNotificationRef } from "@/server/schemas/notification";
import { findMyNotification } from "@/server/services/notification/inbox";

export const ownNotificationProcedure = teamProcedure
  .input(ZNotificationRef)
  .use(async ({ ctx, input, next }) =>
    next({ ctx: { notification: await findMyNotification(ctx.db, ctx.scope, input.notificationId) } }),
  );
