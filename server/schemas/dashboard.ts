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

export const ZGoalInput = z.object({ goalId: ZId, rootId: ZId.optional(), period: ZDashboardPeriod.default("week") });

export const ZCheerInput = z.object({ victoryId: ZId });

export const ZVictoryFeedInput = z.object({ rootId: ZId.optional(), limit: z.number().int().min(1).max(100).default(30) });

export const ZLeaderboardInput = z.object({
  goalId: ZId,
  period: ZDashboardPeriod.default("week"),
  by: z.enum(["result", "activity", "completion"]).default("result"),
});

export const ZExportCsvInput = z.object({ goalId: ZId, period: z.enum(["week", "month"]).default("week") });

export const ZImportRow = z.object({ name: z.string(), email: z.string(), upline: z.string() });
export const ZImportMembersInput = z.object({
  csv: z.string().max(2_000_000, "The file is too large (at most 2 MB)."),
  /** false = preview only (nothing is written). */
  commit: z.boolean().default(false),
  /** Import the valid rows even if some rows have errors. */
  onlyValid: z.boolean().default(false),
});
export type TImportMembersInput = z.infer<typeof ZImportMembersInput>;
