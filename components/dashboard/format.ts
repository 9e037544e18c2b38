/**
 * Amounts as people read them: money in the team's currency (stored in minor units, shown in whole units), counts
 * with separators — the same output as the digest email's formatAmount, with the Intl formatters made once (a
 * formatter per call costs more than the rest of a dashboard row).
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(unit: string, currency: string): Intl.NumberFormat {
  const key = unit === "MONEY" ? `MONEY:${currency}` : "COUNT";
  let f = formatters.get(key);
  if (!f) {
    f =
      unit === "MONEY"
        ? new Intl.NumberFormat("en-GB", { style: "currency", currency, maximumFractionDigits: 0 })
        : new Intl.NumberFormat("en-GB");
    formatters.set(key, f);
  }
  return f;
}

export function formatAmount(amount: number, unit: string, currency: string): string {
  return formatter(unit, currency).format(unit === "MONEY" ? amount / 100 : amount);
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const longDayFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "23 Nov" for an ISO calendar day. */
export const formatDay = (iso: string) => dayFormat.format(new Date(iso + "T00:00:00.000Z"));
/** "Mon, 23 Nov 2026" for an ISO calendar day. */
export const formatLongDay = (iso: string) => longDayFormat.format(new Date(iso + "T00:00:00.000Z"));
