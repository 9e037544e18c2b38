"use client";
/**
 * A month calendar of milestones: the days a period ends carry what should be done by then. A real table
 * (caption, column headers) so screen readers can move by day; previous / next month buttons.
 */
import { ChevronLeft, ChevronRight, Flag } from "lucide-react";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { toDbDay } from "@/server/domain/db-day";

export interface CalendarMilestone {
  date: string;
  label: string;
}

const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const dayFmt = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const monthFmt = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

function monthGrid(year: number, month: number, weekStartsOn: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month, 1));
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() - weekStartsOn + 7) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(new Date(Date.UTC(year, month, d)).toISOString().slice(0, 10));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function MilestoneCalendar({
  milestones,
  today,
  weekStartsOn,
  title = "Milestones",
}: {
  milestones: CalendarMilestone[];
  today: string;
  weekStartsOn: number;
  title?: string;
}) {
  const [cursor, setCursor] = useState(() => ({
    year: Number(today.slice(0, 4)),
    month: Number(today.slice(5, 7)) - 1,
  }));
  const weeks = useMemo(() => monthGrid(cursor.year, cursor.month, weekStartsOn), [cursor, weekStartsOn]);
  const byDate = useMemo(() => new Map(milestones.map((m) => [m.date, m.label])), [milestones]);
  const heading = monthFmt.format(new Date(Date.UTC(cursor.year, cursor.month, 1)));
  const monthKey = `${cursor.year}-${String(cursor.month + 1).padStart(2, "0")}`;
  const shown = milestones.filter((m) => m.date.startsWith(monthKey)).sort((a, b) => a.date.localeCompare(b.date));
  const move = (delta: number) =>
    setCursor((c) => {
      const m = c.month + delta;
      return { year: c.year + Math.floor(m / 12), month: ((m % 12) + 12) % 12 };
    });
  const dayOrder = Array.from({ length: 7 }, (_, i) => (weekStartsOn + i) % 7);

  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <Button variant="ghost" size="sm" onClick={() => move(-1)} aria-label="Previous month">
          <ChevronLeft aria-hidden className="size-5" />
        </Button>
        <p className="font-semibold" aria-live="polite">
          {heading}
        </p>
        <Button variant="ghost" size="sm" onClick={() => move(1)} aria-label="Next month">
          <ChevronRight aria-hidden className="size-5" />
        </Button>
      </div>
      <table className="w-full table-fixed border-collapse text-center text-sm">
        <caption className="sr-only">
          {title}, {heading}
        </caption>
        <thead>
          <tr>
            {dayOrder.map((d) => (
              <th key={d} scope="col" className="py-1 text-xs font-medium text-slate-600">
                <abbr title={DAY_NAMES[d]} className="no-underline">
                  {DAY_NAMES[d]!.slice(0, 2)}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((date, j) => {
                if (!date) return <td key={j} />;
                const label = byDate.get(date);
                const isToday = date === today;
                return (
                  <td key={j} className="p-0.5 align-top">
                    <div
                      className={cn(
                        "flex min-h-11 flex-col items-center rounded-md border px-0.5 py-1",
                        label ? "border-brand-600 bg-brand-50" : "border-transparent",
                        isToday && "ring-2 ring-slate-900",
                      )}
                    >
                      <span className={cn(isToday && "font-bold")}>
                        {Number(date.slice(8))}
                        {isToday && <span className="sr-only"> (today)</span>}
                      </span>
                      {label && (
                        <span className="text-brand-800 mt-0.5">
                          <Flag aria-hidden className="size-3.5" />
                          <span className="sr-only">Milestone: {label}</span>
                        </span>
                      )}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > 0 ? (
        <ul className="space-y-1 text-sm" aria-label={`Milestones in ${heading}`}>
          {shown.map((m) => (
            <li key={m.date} className="flex items-center justify-between gap-2">
              <span className="flex items-center gap-1">
                <Flag aria-hidden className="text-brand-800 size-3.5" />
                {dayFmt.format(toDbDay(m.date))}
              </span>
              <span className="font-semibold tabular-nums">{m.label}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">No milestone this month.</p>
      )}
    </div>
  );
}
