/** Amounts as people read them: money in the team's currency (stored in minor units), counts with separators. */
export { formatAmount } from "@/server/services/review/format-digest";

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
