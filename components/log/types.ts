/** Shapes the Log page receives from the `entry` router. */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type LogDayData = Outputs["entry"]["day"];
export type LogAction = LogDayData["actions"][number];
export type LogEntry = LogDayData["entries"][number];
