/** Amounts on screen: money from minor units in the team currency, counts and minutes as whole numbers. */
import { formatAmount } from "@/server/services/plan/format-amount";

export { formatAmount };

export function amountFormatter(unit: string, currency: string): (amount: number) => string {
  const u = unit === "MONEY" || unit === "MINUTES" ? unit : "COUNT";
  return (amount) => formatAmount(amount, u, currency);
}

/** Amounts are typed in major units (pounds); stored in minor units (pence) for money. */
export function toMinor(value: number, unit: string): number {
  return unit === "MONEY" ? Math.round(value * 100) : Math.round(value);
}

export function fromMinor(value: number, unit: string): number {
  return unit === "MONEY" ? value / 100 : value;
}

const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const shortFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "27 Nov 2026" from "2026-11-27". */
export function formatDay(iso: string): string {
  return dateFmt.format(new Date(iso + "T00:00:00.000Z"));
}

export function formatShortDay(iso: string): string {
  return shortFmt.format(new Date(iso + "T00:00:00.000Z"));
}

/** "30 Nov – 6 Dec 2026" (one day: "1 Dec 2026"); the year is written once when both ends share it. */
export function formatDayRange(from: string, to: string): string {
  if (from === to) return formatDay(from);
  return `${from.slice(0, 4) === to.slice(0, 4) ? formatShortDay(from) : formatDay(from)} – ${formatDay(to)}`;
}

const splitWords: Record<string, string> = { EVEN: "evenly", HISTORY: "by recent results", WEIGHT: "by weight" };
export function splitWord(rule: string): string {
  return splitWords[rule] ?? rule.toLowerCase();
}
