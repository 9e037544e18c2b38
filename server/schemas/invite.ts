import { z } from "zod";
import { ZId } from "./common";

export const ZCreateInviteInput = z.object({
  /** The member new people land under; defaults to the inviter. */
  parentId: ZId.optional(),
  role: z.enum(["LEADER", "MEMBER"]).default("MEMBER"),
  /** 1 = single use; null = until it expires or is revoked. */
  maxUses: z.number().int().min(1).max(1000).nullable().default(1),
  /** Days until the link stops working; null = never (until revoked). */
  expiresInDays: z.number().int().min(1).max(365).nullable().default(7),
});
export type TCreateInviteInput = z.infer<typeof ZCreateInviteInput>;

/** Raw invite tokens are 43 url-safe base64 characters (32 random bytes). */
export const ZInviteToken = z
  .string()
  .trim()
  .min(20)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, "This invite link is not valid");

export const ZRevokeInviteInput = z.object({ inviteId: ZId });
