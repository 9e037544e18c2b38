/**
 * The life of a goal after it is created: edit a draft, archive / restore, delete a draft, the team's main goal, the
 * closing summary and next month's goal from a closed one (server/services/goal/*; the published goal's edit is a
 * change kind of ./goal.ts, `edit`, previewed and applied like every re-plan).
 */
import { z } from "zod";
import { ZId } from "./common";
import { ZGoalFields } from "./goal";

/** A goal and the version the caller saw (a change made meanwhile is a CONFLICT, never overwritten). */
export const ZGoalVersionInput = z.object({ goalId: ZId, version: z.number().int().min(1) });

/** Every field of a draft, as at creation (same validation), and the version the caller saw. */
export const ZUpdateDraftInput = ZGoalFields.extend({ goalId: ZId, version: z.number().int().min(1) });
export type TUpdateDraftInput = z.infer<typeof ZUpdateDraftInput>;

/** Make the goal the team's main goal (`main: true`) or stop it being the main one. */
export const ZSetMainGoalInput = z.object({ goalId: ZId, main: z.boolean() });

/** Next month's goal from a closed one: the stretch over the closed goal's result (%, as `goal.proposeNext`). */
export const ZCreateNextGoalInput = z.object({
  goalId: ZId,
  stretchPercent: z.number().int().min(-100).max(1000).default(10),
});

/** The closing summary: for the branch of `rootId` (default as the dashboard's), with next month's stretch (%). */
export const ZGoalClosingInput = z.object({
  goalId: ZId,
  rootId: ZId.optional(),
  stretchPercent: z.number().int().min(-100).max(1000).default(10),
});
