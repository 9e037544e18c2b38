/** The inbox's inputs (issue 20), shared by the router and the inbox page. */
import { z } from "zod";
import { ZId } from "@/server/schemas/common";

/** A page of the inbox: `cursor` is the id of the last notification of the previous page. */
export const ZNotificationListInput = z.object({
  cursor: ZId.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type TNotificationListInput = z.infer<typeof ZNotificationListInput>;

/** One of the caller's notifications. */
export const ZNotificationRef = z.object({ notificationId: ZId });
export type TNotificationRef = z.infer<typeof ZNotificationRef>;
