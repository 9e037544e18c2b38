/**
 * A commitment's optional number, in the unit of the goal under review: money in minor units of the team currency,
 * counts as whole numbers. Typed and shown through the one money module (server/domain/money.ts); empty means none.
 */
import { amountToInput, currencySymbol, parseAmount, type MetricUnit } from "@/server/domain/money";

export function commitmentInput(amount: number | null | undefined, unit: MetricUnit, currency: string): string {
  return amount === null || amount === undefined ? "" : amountToInput(amount, unit, currency);
}

export function parseCommitmentAmount(
  text: string,
  unit: MetricUnit,
  currency: string,
): { ok: true; amount: number | null } | { ok: false; error: string } {
  if (text.trim() === "") return { ok: true, amount: null };
  const parsed = parseAmount(text, unit, currency);
  return parsed.ok ? { ok: true, amount: parsed.value } : { ok: false, error: parsed.message };
}

export function amountLabel(unit: MetricUnit, currency: string, metricName?: string): string {
  const what = metricName ? ` of ${metricName.toLowerCase()}` : "";
  return unit === "MONEY" ? `Amount${what} in ${currencySymbol(currency)} (optional)` : `Number${what} (optional)`;
}
