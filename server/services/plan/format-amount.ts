/** Formats an amount of a metric for messages: money from minor units in the team currency, counts as numbers. */
export function formatAmount(amount: number, unit: "COUNT" | "MONEY" | "MINUTES", currency: string): string {
  if (unit === "MONEY") {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency, maximumFractionDigits: amount % 100 === 0 ? 0 : 2 }).format(
      amount / 100,
    );
  }
  if (unit === "MINUTES") return `${amount.toLocaleString("en-GB")} min`;
  return amount.toLocaleString("en-GB");
}
