import { toDbDay } from "@/server/domain/db-day";
/** Days, ranges and words on the Plan pages. Amounts: `formatAmount` / `amountFormatter` of server/domain/money.ts. */
const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const shortFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "27 Nov 2026" from "2026-11-27". */
export function formatDay(iso: string): string {
  return dateFmt.format(toDbDay(iso));
}

export function formatShortDay(iso: string): string {
  return shortFmt.format(toDbDay(iso));
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
