import type { RouterOutputs } from "@/components/api-types";

export type ReviewView = RouterOutputs["review"]["get"];
export type ReviewSnapshotView = ReviewView["snapshot"];
export type ReviewCommitment = ReviewView["commitments"][number];
export type ReviewListItem = RouterOutputs["review"]["list"][number];
export type MyCommitmentWeek = RouterOutputs["review"]["myCommitments"][number];
