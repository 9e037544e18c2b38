/**
 * Amount fields of forms, read by the one money parser (server/domain/money.ts): the text a person typed becomes an
 * integer — minor units of the team currency for money, whole numbers for counts and minutes — or the parser's
 * message on the field. Forms (react-hook-form + zod) and procedures share these.
 */
import { z } from "zod";
import { parseAmount, type MetricUnit, type ParseOptions } from "@/server/domain/money";

export interface AmountFieldOptions extends ParseOptions {
  /** Where the person's locale is known, its separators; en-GB otherwise. */
  locale?: string;
}

/** Reads `text` as an amount; on failure adds the parser's message at `path` and returns undefined. */
export function readAmountField(
  ctx: { addIssue: (issue: { code: "custom"; message: string; path?: PropertyKey[] }) => void },
  path: PropertyKey[],
  text: string,
  unit: MetricUnit,
  currency: string,
  options: AmountFieldOptions = {},
): number | undefined {
  const parsed = parseAmount(text, unit, currency, options.locale, options);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: "custom", message: parsed.message, path });
  return undefined;
}

/** A required amount field: its text in, the integer amount out. */
export function zAmountText(unit: MetricUnit, currency: string, options: AmountFieldOptions = {}) {
  return z.string().transform((text, ctx) => readAmountField(ctx, [], text, unit, currency, options) ?? z.NEVER);
}

/** An optional amount field: empty text is `null`. */
export function zOptionalAmountText(unit: MetricUnit, currency: string, options: AmountFieldOptions = {}) {
  return z
    .string()
    .transform((text, ctx) =>
      text.trim() === "" ? null : (readAmountField(ctx, [], text, unit, currency, options) ?? z.NEVER),
    );
}
