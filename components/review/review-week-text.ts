/**
 * The words a review uses for its week: which week it is ("Last week", "This week so far", "Week of 1 Feb"), its
 * days inside the goal, and how much of the plan due by then was done. Reviews stored before the snapshot kept the
 * period (server/services/review/review-snapshot.ts) were always of last week, as of its end.
 */
import { formatDay } from "@/components/dashboard/format";
import { reviewWeekName } from "@/server/domain/review-week";

interface WeekOfSnapshot {
  week: { from: string; to: string };
  period?: { from: string; to: string; asOf: string };
  weekKind?: "last" | "this" | "earlier";
}

export function reviewWeekText(s: WeekOfSnapshot): { name: string; inText: string; days: string; underWay: boolean } {
  const period = s.period ?? { ...s.week, asOf: s.week.to };
  const underWay = period.asOf < period.to;
  const kind = s.weekKind ?? "last";
  const name = reviewWeekName(kind, underWay, formatDay(s.week.from));
  // For the middle of a sentence: "off pace last week", "… this week so far", "… in the week of 8 Mar".
  const inText = kind === "earlier" ? `in the week of ${formatDay(s.week.from)}` : name.toLowerCase();
  const days = underWay
    ? `${formatDay(period.from)} – ${formatDay(period.to)}, up to ${formatDay(period.asOf)}`
    : `${formatDay(period.from)} – ${formatDay(period.to)}`;
  return { name, inText, days, underWay };
}

/** "80% of the plan" against what was due (the whole week's plan once it is over); null when nothing was due yet. */
export function weekPlanShare(
  s: WeekOfSnapshot & { scoreboard: { weekActual: number; weekTarget: number; weekExpected?: number } },
): string | null {
  const due = s.scoreboard.weekExpected ?? s.scoreboard.weekTarget;
  if (due <= 0) return null;
  const pct = Math.round((s.scoreboard.weekActual / due) * 100);
  return reviewWeekText(s).underWay ? `${pct}% of the plan due so far` : `${pct}% of the plan`;
}
