"use client";
/**
 * A heat strip of daily completion: one row per branch (the subtree root's own work, then each direct member's
 * whole team), one cell per day of the period. Each cell carries its percentage as text, not colour alone.
 */
import { cn } from "@/components/ui/cn";
import { formatDay } from "./format";
import type { DashboardCharts } from "./types";

function cellClass(pct: number | null, future: boolean, today: boolean): string {
  if (future) return "bg-white text-slate-500 border-dashed";
  if (today) return "bg-white text-slate-800 border-slate-400";
  if (pct === null) return "bg-slate-100 text-slate-700";
  if (pct >= 100) return "bg-green-700 text-white";
  if (pct >= 80) return "bg-green-200 text-green-950";
  if (pct >= 40) return "bg-amber-200 text-amber-950";
  return "bg-red-100 text-red-900";
}

export function HeatStrip({ data }: { data: DashboardCharts }) {
  const days = data.heat[0]?.days ?? [];
  return (
    <figure className="space-y-2">
      <figcaption className="font-semibold">Daily completion by branch (% of plan)</figcaption>
      <p className="text-sm text-slate-700">
        Each cell is the percentage of that day&apos;s plan done; “–” means nothing was planned, blank days are still to
        come. Today (outlined, marked “so far”) is not coloured until it is over.
      </p>
      <div className="relative overflow-auto" tabIndex={0} role="region" aria-label="Daily completion (scrollable)">
        <table className="border-separate border-spacing-0.5 text-xs">
          <thead>
            <tr>
              <th scope="col" className="pr-2 text-left font-medium text-slate-700">
                Branch
              </th>
              {days.map((d) => (
                <th key={d.date} scope="col" className="min-w-9 px-0.5 font-medium whitespace-nowrap text-slate-700">
                  {formatDay(d.date)}
                  {d.today && <span className="block text-[0.65rem] font-normal">so far</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.heat.map((b) => (
              <tr key={b.id}>
                <th
                  scope="row"
                  className="max-w-48 truncate pr-2 text-left font-normal whitespace-nowrap"
                  title={b.name}
                >
                  {b.own ? `${b.name} (own)` : `${b.name}${b.members > 1 ? ` +${b.members - 1}` : ""}`}
                </th>
                {b.days.map((d) => (
                  <td
                    key={d.date}
                    className={cn(
                      "h-8 min-w-9 rounded border border-transparent text-center tabular-nums",
                      cellClass(d.pct, d.future, d.today),
                    )}
                  >
                    {d.future ? "" : d.pct === null ? "–" : `${d.pct}`}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
