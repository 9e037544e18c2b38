import { z } from "zod";
import { ZId } from "./common";

export const ZMemberTreeInput = z.object({
  /** Root of the subtree to show; defaults to the caller (or the team root for the owner). */
  rootId: ZId.optional(),
  /** How many levels below the root to return (counts always cover the whole subtree). */
  depth: z.number().int().min(1).max(50).default(50),
});

export const ZMoveMemberInput = z.object({ memberId: ZId, newParentId: ZId });
export type TMoveMemberInput = z.infer<typeof ZMoveMemberInput>;

export const ZRemoveMemberInput = z.object({ memberId: ZId });

export const ZSetRoleInput = z.object({ memberId: ZId, role: z.enum(["LEADER", "MEMBER"]) });
