import { z } from "zod";
import { ZId } from "./common";

export const ZDashboardPeriod = z.enum(["week", "month", "goal"]);

export const ZRollupInput = z.object({
  goalId: ZId,
  period: ZDashboardPeriod.default("week"),
  /** Subtree to show; defaults to the caller's own node (the whole team for the owner). */
  rootId: ZId.optional(),
});
export type TRollupInput = z.infer<typeof ZRollupInput>;

/** A name search inside the viewed branch of a goal (the big dashboard's search). */
export const ZBranchSearchInput = ZRollupInput.extend({
  query: z.string().trim().min(1, "Type a name to search").max(80, "A search is at most 80 characters"),
});

export const ZGoalInput = z.object({ goalId: ZId, rootId: ZId.optional(), period: ZDashboardPeriod.default("week") });

export const ZCheerInput = z.object({ victoryId: ZId });

export const ZVictoryFeedInput = z.object({
  rootId: ZId.optional(),
  limit: z.number().int().min(1).max(100).default(30),
});

export const ZLeaderboardInput = z.object({
  goalId: ZId,
  period: ZDashboardPeriod.default("week"),
  by: z.enum(["result", "activity", "completion"]).default("result"),
});

export const ZExportCsvInput = z.object({ goalId: ZId, period: z.enum(["week", "month"]).default("week") });
