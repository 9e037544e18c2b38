/**
 * A commitment's optional number is stored in the goal's unit: whole counts, or minor units for money (pence).
 * People type money in pounds (up to 2 decimals), so the form converts both ways.
 */
export function amountToInput(amount: number | null | undefined, unit: string): string {
  if (amount === null || amount === undefined) return "";
  return unit === "MONEY" ? (amount % 100 === 0 ? String(amount / 100) : (amount / 100).toFixed(2)) : String(amount);
}

export function parseAmountInput(
  text: string,
  unit: string,
): { ok: true; amount: number | null } | { ok: false; error: string } {
  const t = text.trim().replace(/[,\s£$€]/g, "");
  if (t === "") return { ok: true, amount: null };
  if (unit === "MONEY") {
    if (!/^\d+(\.\d{1,2})?$/.test(t)) return { ok: false, error: "Enter an amount like 150 or 150.50." };
    const [whole, frac = ""] = t.split(".");
    return { ok: true, amount: Number(whole) * 100 + Number(frac.padEnd(2, "0")) };
  }
  if (!/^\d+$/.test(t)) return { ok: false, error: "The number must be a whole number, 0 or more." };
  return { ok: true, amount: Number(t) };
}

export function amountLabel(unit: string, currency: string, metricName?: string): string {
  const what = metricName ? ` of ${metricName.toLowerCase()}` : "";
  if (unit === "MONEY") {
    const symbol =
      new Intl.NumberFormat("en-GB", { style: "currency", currency })
        .formatToParts(0)
        .find((p) => p.type === "currency")?.value ?? currency;
    return `Amount${what} in ${symbol} (optional)`;
  }
  return `Number${what} (optional)`;
}
