/**
 * Amounts on the Log page, as the server stores them: whole numbers, money in minor units (pence, cents).
 * Parsing works on the typed text (never through floating point), so "12.30" is exactly 1230.
 */
export type MetricUnit = "COUNT" | "MONEY" | "MINUTES";

/** Largest single amount the server accepts (server/schemas/entry.ts MAX_ENTRY_AMOUNT). */
export const MAX_AMOUNT = 100_000_000;

/**
 * Intl formatters are costly to build and the Log page formats dozens of amounts per render (on a slow phone that
 * is blocking time), so each one is built once per options and reused. Throws like the constructor does.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-GB", options);
    numberFormats.set(key, format);
  }
  return format;
}

/** Minor-unit digits of a currency (GBP 2, JPY 0). */
export function currencyDigits(currency: string): number {
  try {
    return numberFormat({ style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The currency's symbol as people see it (£, €), or its code. */
export function currencySymbol(currency: string): string {
  try {
    return numberFormat({ style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency")?.value ?? currency;
  } catch {
    return currency;
  }
}

export type ParsedAmount = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads what a member typed. Money accepts "12", "12.5", "12,50", "1,234.56", "£1 234.50"; counts and minutes
 * accept whole numbers only.
 */
export function parseAmount(text: string, unit: MetricUnit, currency: string): ParsedAmount {
  let s = text.replace(/[\s\u00a0]/g, "").replace(/^[^\d.,-]+/, "");
  if (s === "") return { ok: false, message: "Enter an amount" };
  if (s.startsWith("-")) return { ok: false, message: "Enter an amount of at least 1" };
  const digits = unit === "MONEY" ? currencyDigits(currency) : 0;
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  let decimalAt = -1;
  if (lastDot >= 0 && lastComma >= 0) decimalAt = Math.max(lastDot, lastComma);
  else if (lastDot >= 0) decimalAt = s.indexOf(".") === lastDot ? lastDot : -1;
  else if (lastComma >= 0 && s.indexOf(",") === lastComma && s.length - lastComma - 1 <= 2) decimalAt = lastComma;
  let whole = decimalAt >= 0 ? s.slice(0, decimalAt) : s;
  const fraction = decimalAt >= 0 ? s.slice(decimalAt + 1) : "";
  whole = whole.replace(/[.,]/g, "");
  s = whole + fraction;
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || s === "") return { ok: false, message: "Enter a number, like 12.50" };
  if (fraction.length > digits) {
    return { ok: false, message: digits === 0 ? "Enter a whole number" : `Use at most ${digits} decimal places` };
  }
  const value = Number(whole || "0") * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(value) || value > MAX_AMOUNT) return { ok: false, message: "That amount is too large" };
  if (value < 1) return { ok: false, message: "Enter an amount of at least 1" };
  return { ok: true, value };
}

/** An amount for people: money from minor units in the team currency, minutes with "min", counts as numbers. */
export function formatAmount(amount: number, unit: MetricUnit, currency: string): string {
  if (unit === "MONEY") {
    const digits = currencyDigits(currency);
    const major = amount / 10 ** digits;
    try {
      return numberFormat({
        style: "currency",
        currency,
        minimumFractionDigits: amount % 10 ** digits === 0 ? 0 : digits,
        maximumFractionDigits: digits,
      }).format(major);
    } catch {
      return major.toFixed(digits);
    }
  }
  if (unit === "MINUTES") return `${numberFormat({}).format(amount)} min`;
  return numberFormat({}).format(amount);
}

/** The text an edit field starts with: minor units back to "12.30". */
export function amountToInput(amount: number, unit: MetricUnit, currency: string): string {
  if (unit !== "MONEY") return String(amount);
  const digits = currencyDigits(currency);
  if (digits === 0) return String(amount);
  const whole = Math.floor(amount / 10 ** digits);
  const fraction = String(amount % 10 ** digits).padStart(digits, "0");
  return `${whole}.${fraction}`;
}
