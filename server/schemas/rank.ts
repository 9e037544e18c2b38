import { z } from "zod";
import { MAX_STORED_AMOUNT, ZId, ZIsoDate, zText } from "./common";

const ZMinor = z
  .number()
  .int("Whole numbers only")
  .min(0, "Cannot be negative")
  .max(MAX_STORED_AMOUNT, "That amount is too large");

export const ZRankFields = z.object({
  name: zText({ min: 1, max: 60, minMessage: "Enter a name" }),
  position: z.number().int().min(0).max(100),
  personalVolume: ZMinor.default(0),
  teamVolume: ZMinor.default(0),
  personallySponsored: z.number().int().min(0).max(10_000).default(0),
  qualifiedLegs: z.number().int().min(0).max(1_000).default(0),
  monthlyIncome: ZMinor.default(0),
  /** At most this percent of the team volume required may come from one leg; null = no cap. */
  legCapPct: z.number().int().min(1, "At least 1 %").max(100, "At most 100 %").nullable().default(null),
  /** The rank a leg must hold to count as qualified; null = the lowest rank. */
  legRankId: ZId.nullable().default(null),
  activeMembers: z.number().int().min(0).max(100_000).default(0),
  /** "Active": logged at least this personal volume in the period (minor units). */
  activeMinVolume: ZMinor.default(0),
});
export const ZSaveRankInput = ZRankFields.extend({ rankId: ZId.optional() });
export type TSaveRankInput = z.infer<typeof ZSaveRankInput>;
export const ZRankRef = z.object({ rankId: ZId });

export const ZRankProgressInput = z.object({ membershipId: ZId.optional() });

export const ZPlanToRankInput = z
  .object({
    rankId: ZId.optional(),
    /** Or: the monthly income wanted (minor units) — the lowest rank paying at least this. */
    monthlyIncome: ZMinor.optional(),
    deadline: ZIsoDate,
  })
  .refine((v) => v.rankId !== undefined || v.monthlyIncome !== undefined, {
    message: "Choose a rank or a monthly income",
    path: ["rankId"],
  });
export type TPlanToRankInput = z.infer<typeof ZPlanToRankInput>;

/** A month "YYYY-MM" (the rank period). */
export const ZRankPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Choose a month");

/** The rank report card of a member (default the caller) for a month (default this month, in the member's zone). */
export const ZRankCardInput = z.object({
  membershipId: ZId.optional(),
  period: ZRankPeriod.optional(),
  /** The rank to measure against; default the next rank above the one paid this period. */
  rankId: ZId.optional(),
});
export type TRankCardInput = z.infer<typeof ZRankCardInput>;

/** "Save this as my plan": the rank and the deadline; one goal per requirement a metric counts. */
export const ZSaveRankPlanInput = z.object({ rankId: ZId, deadline: ZIsoDate });
export type TSaveRankPlanInput = z.infer<typeof ZSaveRankPlanInput>;
