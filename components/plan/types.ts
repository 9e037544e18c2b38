/** Shapes of the Plan procedures as the client receives them. */
import type { RouterInputs as In, RouterOutputs as Out } from "@/components/api-types";

export type MyPlan = Out["goal"]["myPlan"];
export type MyGoalPlan = MyPlan["goals"][number];
export type GoalPreview = Out["goal"]["preview"];
export type GoalDetail = Out["goal"]["get"];
export type GoalListItem = Out["goal"]["list"][number];
export type ChangePreview = Out["goal"]["previewChange"];
export type GoalChange = In["goal"]["applyChange"]["change"];
export type HistoryRow = Out["goal"]["history"][number];
export type Proposal = Out["goal"]["proposals"]["inbox"][number];
export type MetricList = Out["metric"]["list"];
export type Metric = MetricList["metrics"][number];
export type Rank = Out["rank"]["list"][number];
export type Unit = "COUNT" | "MONEY" | "MINUTES";
