import { z } from "zod";
import { MAX_STORED_AMOUNT, ZId, ZIsoDate, zText } from "./common";

/** The one strict date field (./common.ts), re-exported for the forms that import it from here. */
export { ZIsoDate };
const ZAmount = z
  .number({ error: "Enter a number" })
  .int("Whole numbers only")
  .min(0, "Cannot be negative")
  .max(MAX_STORED_AMOUNT, "That amount is too large");

/** "£42,000 with 1 week to go" → { weeksToGo: 1, cumulative: 4200000 }; or a date. */
export const ZCheckpoint = z.union([
  z.object({ weeksToGo: z.number().int().min(0).max(520), cumulative: ZAmount }),
  z.object({ daysToGo: z.number().int().min(0).max(3660), cumulative: ZAmount }),
  z.object({ date: ZIsoDate, cumulative: ZAmount }),
]);
export type TCheckpoint = z.infer<typeof ZCheckpoint>;

export const ZGoalFields = z.object({
  name: zText({ min: 2, max: 120 }),
  metricId: ZId,
  /** Subtree the goal is for; defaults to the caller (the owner: the whole team). */
  rootMembershipId: ZId.optional(),
  target: ZAmount.refine((v) => v > 0, "The target must be above zero"),
  baseline: ZAmount.default(0),
  startDate: ZIsoDate,
  deadline: ZIsoDate,
  period: z.enum(["DAY", "WEEK", "MONTH"]).default("WEEK"),
  curve: z.enum(["LINEAR", "FRONT_LOADED", "BACK_LOADED", "CUSTOM"]).default("LINEAR"),
  curveStrength: z.number().int().min(0).max(100).nullable().default(null),
  checkpoints: z.array(ZCheckpoint).max(52).default([]),
  splitRule: z.enum(["EVEN", "HISTORY", "WEIGHT"]).default("EVEN"),
  historyDays: z.number().int().min(7).max(365).default(28),
  historyFloorPct: z.number().int().min(0).max(100).default(50),
});
export type TGoalFields = z.infer<typeof ZGoalFields>;
export type TGoalFieldsInput = z.input<typeof ZGoalFields>;

export const ZPreviewGoalInput = ZGoalFields;
export const ZCreateGoalInput = ZGoalFields.extend({ publish: z.boolean().default(false) });
export type TCreateGoalInput = z.infer<typeof ZCreateGoalInput>;

export const ZGoalRef = z.object({ goalId: ZId });
export const ZPublishGoalInput = z.object({ goalId: ZId, version: z.number().int().min(1) });

export const ZGoalChange = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("override"),
    membershipId: ZId,
    /** A number fixes it; null clears the override; undefined leaves it as it is. */
    personal: ZAmount.nullable().optional(),
    team: ZAmount.nullable().optional(),
  }),
  z.object({ kind: z.literal("split"), splitRule: z.enum(["EVEN", "HISTORY", "WEIGHT"]) }),
  z.object({ kind: z.literal("deadline"), deadline: ZIsoDate }),
  z.object({ kind: z.literal("target"), target: ZAmount.refine((v) => v > 0, "The target must be above zero") }),
  /** Re-plan with the team's holidays as they are now (a goal keeps the holidays it was published with until then). */
  z.object({ kind: z.literal("holidays") }),
  /** Edit a published goal's name, dates, curve and checkpoints (server/services/goal/edit-goal-fields.ts). */
  z.object({
    kind: z.literal("edit"),
    name: zText({ min: 2, max: 120 }).optional(),
    startDate: ZIsoDate.optional(),
    deadline: ZIsoDate.optional(),
    curve: z.enum(["LINEAR", "FRONT_LOADED", "BACK_LOADED", "CUSTOM"]).optional(),
    curveStrength: z.number().int().min(0).max(100).nullable().optional(),
    checkpoints: z.array(ZCheckpoint).max(52).optional(),
  }),
]);
export type TGoalChange = z.infer<typeof ZGoalChange>;

export const ZPreviewChangeInput = z.object({ goalId: ZId, change: ZGoalChange });
export const ZApplyChangeInput = z.object({
  goalId: ZId,
  version: z.number().int().min(1),
  change: ZGoalChange,
  reason: zText({ max: 200, multiline: true }).optional(),
});

export const ZGoalHistoryInput = z.object({ goalId: ZId, membershipId: ZId.optional() });

export const ZProposeNextInput = z.object({
  goalId: ZId,
  stretchPercent: z.number().int().min(-100).max(1000),
});

export const ZProposeTargetInput = z.object({
  goalId: ZId,
  proposed: ZAmount,
  note: zText({ max: 300, multiline: true }).optional(),
});
export type TProposeTargetInput = z.infer<typeof ZProposeTargetInput>;

export const ZDecideProposalInput = z.object({
  proposalId: ZId,
  decision: z.enum(["ACCEPT", "DECLINE"]),
  note: zText({ max: 300, multiline: true }).optional(),
});

export const ZMyPlanInput = z.object({ asOf: ZIsoDate.optional() });

/** Targets follow the tree (joining, moving, leaving re-split the rest of the goal), on or off for one goal. */
export const ZSetFollowTreeInput = z.object({ goalId: ZId, followTree: z.boolean() });
export type TSetFollowTreeInput = z.infer<typeof ZSetFollowTreeInput>;
