import type { RouterOutputs } from "@/components/api-types";

export type { RouterOutputs };
export type MemberTree = RouterOutputs["member"]["tree"];
export type MemberNode = MemberTree["nodes"][number];
export type InviteSummary = RouterOutputs["invite"]["list"][number];
