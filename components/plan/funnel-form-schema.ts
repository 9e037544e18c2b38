/**
 * The funnel form as the owner types it: each step "N of this activity → M of the next step", the counts as typed
 * text. Every number is read by the one parser (server/domain/money.ts): counts whole, and — when the result is
 * money — the last step's value per action in the team currency (typed in major units, out in minor units). The
 * output is the `metric.setFunnel` procedure's steps.
 */
import { z } from "zod";
import { toInputString } from "@/server/domain/money";
import { ZFunnelStepInput } from "@/server/schemas/metric";
import { readAmountField } from "@/server/schemas/money";

export type FunnelStep = z.output<typeof ZFunnelStepInput>;

const ZStepText = z.object({ activityMetricId: z.string(), fromCount: z.string(), toCount: z.string() });
export type FunnelStepText = z.input<typeof ZStepText>;

/** The most steps a funnel has (as the procedure). */
export const MAX_FUNNEL_STEPS = 8;
const FROM_MAX = 1_000_000;
const TO_MAX = 1_000_000_000;

/** The form's schema: `money` when the result is money (its last step is then a value per action). */
export function funnelFormSchema(money: boolean, currency: string) {
  return z
    .object({ steps: z.array(ZStepText).max(MAX_FUNNEL_STEPS, `At most ${MAX_FUNNEL_STEPS} steps`) })
    .transform((v, ctx): { steps: FunnelStep[] } => {
      const last = v.steps.length - 1;
      const steps = v.steps.map((s, i) => {
        if (!s.activityMetricId)
          ctx.addIssue({ code: "custom", message: "Choose a metric", path: ["steps", i, "activityMetricId"] });
        const fromCount = readAmountField(ctx, ["steps", i, "fromCount"], s.fromCount, "COUNT", currency, {
          min: 1,
          max: FROM_MAX,
        });
        const toUnit = money && i === last ? "MONEY" : "COUNT";
        const toCount = readAmountField(ctx, ["steps", i, "toCount"], s.toCount, toUnit, currency, {
          min: 1,
          max: TO_MAX,
        });
        return fromCount === undefined || toCount === undefined || !s.activityMetricId
          ? null
          : { activityMetricId: s.activityMetricId, fromCount, toCount };
      });
      if (steps.some((s) => s === null)) return z.NEVER;
      return { steps: steps as FunnelStep[] };
    });
}
export type FunnelFormIn = z.input<ReturnType<typeof funnelFormSchema>>;
export type FunnelFormOut = z.output<ReturnType<typeof funnelFormSchema>>;

/** Stored steps as the form's text: the money step in major units ("500", "12.50"), counts as they are. */
export function funnelToText(steps: readonly FunnelStep[], money: boolean, currency: string): FunnelStepText[] {
  return steps.map((s, i) => ({
    activityMetricId: s.activityMetricId,
    fromCount: String(s.fromCount),
    toCount: money && i === steps.length - 1 ? toInputString(s.toCount, currency) : String(s.toCount),
  }));
}
