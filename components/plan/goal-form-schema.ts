/**
 * The create-goal form as the leader types it: amounts as typed text in major units ("50,000", "12.50"; yen without
 * decimals), checkpoints as "amount with N weeks to go". The schema reads every amount with the one money parser
 * (server/domain/money.ts) in the unit of the chosen metric, so the form shows the same messages as every other
 * amount field; `toGoalInput` turns valid values into the procedure's input (integer minor units).
 */
import { z } from "zod";
import type { MetricUnit } from "@/server/domain/money";
import type { TGoalFieldsInput } from "@/server/schemas/goal";
import { readAmountField } from "@/server/schemas/money";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date");

const ZGoalFormFields = z.object({
  name: z.string().trim().min(2, "At least 2 characters").max(120, "At most 120 characters"),
  metricId: z.string().min(1, "Choose a metric"),
  rootMembershipId: z.string(),
  target: z.string(),
  baseline: z.string(),
  startDate: isoDate,
  deadline: isoDate,
  period: z.enum(["DAY", "WEEK", "MONTH"]),
  curve: z.enum(["LINEAR", "FRONT_LOADED", "BACK_LOADED", "CUSTOM"]),
  /** How strongly a front- or back-loaded curve leans, as typed: a whole percent, empty for the default (50%). */
  curveStrength: z.string(),
  checkpoints: z.array(
    z.object({
      amount: z.string(),
      weeksToGo: z.number({ error: "Enter weeks" }).int("Whole weeks").min(0, "0 or more").max(520, "Too many weeks"),
    }),
  ),
  splitRule: z.enum(["EVEN", "HISTORY", "WEIGHT"]),
});

export type GoalFormValues = z.infer<typeof ZGoalFormFields>;

interface GoalAmounts {
  target: number;
  baseline: number;
  checkpoints: number[];
}

/** The form's schema for a team's currency, with each metric's unit (money, count, minutes). */
export function goalFormSchema(currency: string, unitOf: (metricId: string) => MetricUnit) {
  return ZGoalFormFields.superRefine((v, ctx) => {
    if (v.deadline <= v.startDate)
      ctx.addIssue({ code: "custom", message: "The deadline must be after the start", path: ["deadline"] });
    if (v.curve === "CUSTOM" && v.checkpoints.length === 0) {
      ctx.addIssue({ code: "custom", message: "Add at least one checkpoint", path: ["checkpoints"] });
    }
    if (leans(v.curve) && readStrength(v.curveStrength) === undefined) {
      ctx.addIssue({ code: "custom", message: "A whole percent from 0 to 100", path: ["curveStrength"] });
    }
    const amounts = readAmounts(v, unitOf(v.metricId), currency, ctx);
    if (!amounts) return;
    if (amounts.target <= 0)
      ctx.addIssue({ code: "custom", message: "The target must be above zero", path: ["target"] });
    else if (amounts.baseline >= amounts.target) {
      ctx.addIssue({ code: "custom", message: "The baseline must be below the target", path: ["baseline"] });
    }
    if (amounts.checkpoints.some((c) => c > amounts.target)) {
      ctx.addIssue({ code: "custom", message: "A checkpoint cannot be above the target", path: ["checkpoints"] });
    }
  });
}

/** Front- and back-loaded curves lean; their strength is kept, every other curve has none. */
export function leans(curve: GoalFormValues["curve"]): boolean {
  return curve === "FRONT_LOADED" || curve === "BACK_LOADED";
}

/** The typed strength: null when empty (the default, 50%), undefined when it is not a whole percent from 0 to 100. */
function readStrength(text: string): number | null | undefined {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return null;
  if (!/^\d{1,3}$/.test(t)) return undefined;
  const n = Number(t);
  return n <= 100 ? n : undefined;
}

/** A stored strength as the form shows it ("" for none). */
export function strengthToInput(strength: number | null): string {
  return strength === null ? "" : String(strength);
}

function readAmounts(
  v: GoalFormValues,
  unit: MetricUnit,
  currency: string,
  ctx: Parameters<typeof readAmountField>[0],
): GoalAmounts | null {
  const target = readAmountField(ctx, ["target"], v.target, unit, currency);
  const baseline = readAmountField(ctx, ["baseline"], v.baseline, unit, currency);
  const custom = v.curve === "CUSTOM" ? v.checkpoints : [];
  const checkpoints = custom.map((c, i) =>
    readAmountField(ctx, ["checkpoints", i, "amount"], c.amount, unit, currency),
  );
  if (target === undefined || baseline === undefined || checkpoints.some((c) => c === undefined)) return null;
  return { target, baseline, checkpoints: checkpoints as number[] };
}

/** Valid form values (the schema passed) as the procedure's input. */
export function toGoalInput(v: GoalFormValues, unit: MetricUnit, currency: string): TGoalFieldsInput {
  const amounts = readAmounts(v, unit, currency, {
    addIssue: (issue) => {
      throw new Error(`toGoalInput: ${issue.message}`);
    },
  })!;
  return {
    name: v.name,
    metricId: v.metricId,
    rootMembershipId: v.rootMembershipId || undefined,
    target: amounts.target,
    baseline: amounts.baseline,
    startDate: v.startDate,
    deadline: v.deadline,
    period: v.period,
    curve: v.curve,
    curveStrength: leans(v.curve) ? (readStrength(v.curveStrength) ?? null) : null,
    checkpoints:
      v.curve === "CUSTOM"
        ? v.checkpoints.map((c, i) => ({ weeksToGo: c.weeksToGo, cumulative: amounts.checkpoints[i]! }))
        : [],
    splitRule: v.splitRule,
  };
}
