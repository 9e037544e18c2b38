/**
 * The change form as typed — what to change, and amounts as text in major units — read into the change to preview
 * (`goal.previewChange`), every amount by the one money parser in the goal metric's unit.
 */
import { z } from "zod";
import type { MetricUnit } from "@/server/domain/money";
import { readAmountField } from "@/server/schemas/money";
import type { GoalChange } from "./types";

/** The form as typed (amounts as text, in major units) → the change to preview, read by the one money parser. */
export function changeSchema(unit: MetricUnit, currency: string) {
  return z
    .object({
      kind: z.enum(["override", "target", "deadline", "split"]),
      memberId: z.string(),
      personal: z.string(),
      target: z.string(),
      deadline: z.string(),
      split: z.enum(["EVEN", "HISTORY", "WEIGHT"]),
    })
    .transform((v, ctx): GoalChange => {
      if (v.kind === "override") {
        if (!v.memberId) {
          ctx.addIssue({ code: "custom", message: "Choose a member.", path: ["memberId"] });
          return z.NEVER;
        }
        // Empty clears the hand-set target.
        if (v.personal.trim() === "") return { kind: "override", membershipId: v.memberId, personal: null };
        const personal = readAmountField(ctx, ["personal"], v.personal, unit, currency);
        return personal === undefined ? z.NEVER : { kind: "override", membershipId: v.memberId, personal };
      }
      if (v.kind === "target") {
        const target = readAmountField(ctx, ["target"], v.target, unit, currency);
        if (target === undefined) return z.NEVER;
        if (target <= 0) {
          ctx.addIssue({ code: "custom", message: "Enter a target above zero.", path: ["target"] });
          return z.NEVER;
        }
        return { kind: "target", target };
      }
      if (v.kind === "deadline") {
        if (/^\d{4}-\d{2}-\d{2}$/.test(v.deadline)) return { kind: "deadline", deadline: v.deadline };
        ctx.addIssue({ code: "custom", message: "Choose a date.", path: ["deadline"] });
        return z.NEVER;
      }
      return { kind: "split", splitRule: v.split };
    });
}
export type ChangeIn = z.input<ReturnType<typeof changeSchema>>;
