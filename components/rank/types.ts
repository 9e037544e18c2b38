/** Shapes of the rank report procedures as the client receives them. */
import type { RouterOutputs as Out } from "@/components/api-types";

export type RankCard = Out["rank"]["card"];
export type RankPlanList = Out["rank"]["myPlans"];
