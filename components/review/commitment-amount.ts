/**
 * A commitment's text and optional number, in the unit of the goal under review: money in minor units of the team
 * currency, counts as whole numbers. Typed and shown through the one money module (server/domain/money.ts); empty
 * means none. The form's schema reuses the procedures' (server/schemas/review.ts).
 */
import { z } from "zod";
import { amountToInput, currencySymbol, type MetricUnit } from "@/server/domain/money";
import { zOptionalAmountText } from "@/server/schemas/money";
import { ZSaveCommitmentInput } from "@/server/schemas/review";

/** The largest number a commitment may carry, as the procedures accept it. */
const MAX_COMMITMENT_AMOUNT = ZSaveCommitmentInput.shape.amount.unwrap().unwrap().maxValue ?? undefined;

export function commitmentInput(amount: number | null | undefined, unit: MetricUnit, currency: string): string {
  return amount === null || amount === undefined ? "" : amountToInput(amount, unit, currency);
}

/** The commitment form: the text as the procedures read it, the number through the one parser (empty is none). */
export function commitmentSchema(unit: MetricUnit, currency: string) {
  return z.object({
    text: ZSaveCommitmentInput.shape.text,
    amount: zOptionalAmountText(unit, currency, { max: MAX_COMMITMENT_AMOUNT }),
  });
}
export type CommitmentFormIn = z.input<ReturnType<typeof commitmentSchema>>;
export type CommitmentFormOut = z.output<ReturnType<typeof commitmentSchema>>;

export function amountLabel(unit: MetricUnit, currency: string, metricName?: string): string {
  const what = metricName ? ` of ${metricName.toLowerCase()}` : "";
  return unit === "MONEY" ? `Amount${what} in ${currencySymbol(currency)} (optional)` : `Number${what} (optional)`;
}
