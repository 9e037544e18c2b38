/**
 * The create-goal form as the leader types it: amounts in major units (pounds), checkpoints as "amount with N weeks
 * to go". `toGoalInput` turns it into the procedure's input (minor units), so one schema validates the form.
 */
import { z } from "zod";
import type { TGoalFieldsInput } from "@/server/schemas/goal";
import { toMinor } from "./format";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date");
const amount = z.number({ error: "Enter a number" }).min(0, "Cannot be negative").max(1e13, "Too large");

export const ZGoalForm = z
  .object({
    name: z.string().trim().min(2, "At least 2 characters").max(120, "At most 120 characters"),
    metricId: z.string().min(1, "Choose a metric"),
    rootMembershipId: z.string(),
    target: amount.refine((v) => v > 0, "The target must be above zero"),
    baseline: amount,
    startDate: isoDate,
    deadline: isoDate,
    period: z.enum(["DAY", "WEEK", "MONTH"]),
    curve: z.enum(["LINEAR", "FRONT_LOADED", "BACK_LOADED", "CUSTOM"]),
    checkpoints: z.array(
      z.object({
        amount: amount,
        weeksToGo: z.number({ error: "Enter weeks" }).int("Whole weeks").min(0, "0 or more").max(520, "Too many weeks"),
      }),
    ),
    splitRule: z.enum(["EVEN", "HISTORY", "WEIGHT"]),
  })
  .refine((v) => v.deadline > v.startDate, { message: "The deadline must be after the start", path: ["deadline"] })
  .refine((v) => v.baseline < v.target, { message: "The baseline must be below the target", path: ["baseline"] })
  .refine((v) => v.curve !== "CUSTOM" || v.checkpoints.length > 0, { message: "Add at least one checkpoint", path: ["checkpoints"] })
  .refine((v) => v.checkpoints.every((c) => c.amount <= v.target), { message: "A checkpoint cannot be above the target", path: ["checkpoints"] });

export type GoalFormValues = z.infer<typeof ZGoalForm>;

export function toGoalInput(v: GoalFormValues, unit: string): TGoalFieldsInput {
  return {
    name: v.name,
    metricId: v.metricId,
    rootMembershipId: v.rootMembershipId || undefined,
    target: toMinor(v.target, unit),
    baseline: toMinor(v.baseline, unit),
    startDate: v.startDate,
    deadline: v.deadline,
    period: v.period,
    curve: v.curve,
    checkpoints: v.curve === "CUSTOM" ? v.checkpoints.map((c) => ({ weeksToGo: c.weeksToGo, cumulative: toMinor(c.amount, unit) })) : [],
    splitRule: v.splitRule,
  };
}
