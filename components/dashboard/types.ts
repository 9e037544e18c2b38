import type { RouterOutputs } from "@/components/api-types";

export type DashboardGoal = RouterOutputs["dashboard"]["goals"][number];
/** The first view of a branch (`dashboard.view`): its root, direct downline, furthest behind, and all rows if small. */
export type DashboardView = RouterOutputs["dashboard"]["view"];
export type RollupRow = NonNullable<DashboardView["rows"]>[number];
export type BranchRow = DashboardView["root"];
export type BranchSearch = RouterOutputs["dashboard"]["search"];
export type DashboardCharts = RouterOutputs["dashboard"]["charts"];
export type Leaderboard = RouterOutputs["dashboard"]["leaderboard"];
export type VictoryItem = RouterOutputs["dashboard"]["victories"][number];
export type ImportResult = RouterOutputs["member"]["import"];
export type PaceStatus = RollupRow["teamStatus"];
export type DashboardPeriod = "week" | "month" | "goal";

export const PERIOD_LABELS: Record<DashboardPeriod, string> = {
  week: "This week",
  month: "This month",
  goal: "Goal to date",
};
