/**
 * Web Push on the caller's devices and their notification preferences: about the caller's own account only (no
 * team, no one else's rows), so every procedure is `protectedProcedure` and every service filters by `ctx.user.id`.
 * Someone else's subscription is NOT_FOUND (server/services/push/subscribe-push.ts).
 */
import { protectedProcedure, router } from "@/server/api/trpc";
import {
  ZPushStatusInput,
  ZSetNotificationPreferenceInput,
  ZSubscribePushInput,
  ZUnsubscribePushInput,
} from "@/server/schemas/push";
import { getNotificationPreferences, setNotificationPreference } from "@/server/services/push/preferences";
import { pushStatus, subscribePush, unsubscribePush } from "@/server/services/push/subscribe-push";

export const pushRouter = router({
  /** Whether push is set up on this server (and its VAPID public key), my devices, and whether this one is on. */
  status: protectedProcedure.input(ZPushStatusInput).query(({ ctx, input }) => pushStatus(ctx.db, ctx.user, input)),
  subscribe: protectedProcedure
    .input(ZSubscribePushInput)
    .mutation(({ ctx, input }) => subscribePush(ctx.db, ctx.user, input)),
  unsubscribe: protectedProcedure
    .input(ZUnsubscribePushInput)
    .mutation(({ ctx, input }) => unsubscribePush(ctx.db, ctx.user, input)),
  /** Every kind × channel it uses, with my choice or the default. */
  preferences: protectedProcedure.query(({ ctx }) => getNotificationPreferences(ctx.db, ctx.user)),
  setPreference: protectedProcedure
    .input(ZSetNotificationPreferenceInput)
    .mutation(({ ctx, input }) => setNotificationPreference(ctx.db, ctx.user, input)),
});
