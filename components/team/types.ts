import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type MemberTree = RouterOutputs["member"]["tree"];
export type MemberNode = MemberTree["nodes"][number];
export type InviteSummary = RouterOutputs["invite"]["list"][number];
