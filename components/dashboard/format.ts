/**
 * Calendar days as the dashboard and the review show them. Amounts: `formatAmount` of server/domain/money.ts, in
 * whole units (`DASHBOARD_AMOUNTS`), as the digest email shows them.
 */
import type { FormatMoneyOptions } from "@/server/domain/money";
import { toDbDay } from "@/server/domain/db-day";

/** Dashboard, review and digest amounts: whole units of the team currency ("£50,000", "¥2,468"). */
export const DASHBOARD_AMOUNTS: FormatMoneyOptions = { wholeUnits: true };

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const longDayFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "23 Nov" for an ISO calendar day. */
export const formatDay = (iso: string) => dayFormat.format(toDbDay(iso));
/** "Mon, 23 Nov 2026" for an ISO calendar day. */
export const formatLongDay = (iso: string) => longDayFormat.format(toDbDay(iso));
