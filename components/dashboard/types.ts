import type { RouterOutputs } from "@/components/api-types";

export type DashboardGoal = RouterOutputs["dashboard"]["goals"][number];
export type Rollup = RouterOutputs["dashboard"]["rollup"];
export type RollupRow = Rollup["rows"][number];
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
