/** Shapes the Log page receives from the `entry` router. */
import type { RouterOutputs as Outputs } from "@/components/api-types";

export type LogDayData = Outputs["entry"]["day"];
export type LogAction = LogDayData["actions"][number];
export type LogEntry = LogDayData["entries"][number];
