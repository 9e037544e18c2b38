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
