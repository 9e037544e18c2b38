"use client";
/**
 * What a re-plan for the team's holidays changes, before anything is saved: the holidays that come and go, the
 * goal's periods whose planned amount moves (from → to, in a real table) and whose plan that changes.
 */
import { ArrowRight } from "lucide-react";
import { formatDay, formatDayRange } from "@/components/plan/format";
import type { CalendarChange } from "./types";

export function ReplanPreview({ change, format }: { change: CalendarChange; format: (amount: number) => string }) {
  const { added, removed, milestones, affected } = change;
  return (
    <div className="space-y-3">
      {added.length > 0 && (
        <div>
          <h4 className="font-semibold">Holidays the plan will skip</h4>
          <ul className="list-inside list-disc text-sm">
            {added.map((h) => (
              <li key={h.day}>
                {formatDay(h.day)} — {h.name}
              </li>
            ))}
          </ul>
        </div>
      )}
      {removed.length > 0 && (
        <div>
          <h4 className="font-semibold">No longer holidays (work is planned on them again)</h4>
          <ul className="list-inside list-disc text-sm">
            {removed.map((h) => (
              <li key={h.day}>{formatDay(h.day)}</li>
            ))}
          </ul>
        </div>
      )}
      {milestones.length === 0 ? (
        <p className="text-slate-700">No milestone moves: those days had nothing planned.</p>
      ) : (
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Milestones that move">
          <table className="w-full text-sm">
            <caption className="sr-only">Planned amount per period, before and after the re-plan</caption>
            <thead>
              <tr className="text-left text-slate-700">
                <th scope="col" className="py-1 pr-2 font-medium">
                  Period
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Planned now <ArrowRight aria-hidden className="inline size-3.5" />
                  <span className="sr-only">then</span> after
                </th>
              </tr>
            </thead>
            <tbody>
              {milestones.map((m) => (
                <tr key={m.periodStart} className="border-t border-slate-200">
                  <th scope="row" className="py-1 pr-2 text-left font-normal">
                    {formatDayRange(m.periodStart, m.periodEnd)}
                  </th>
                  <td className="py-1 text-right tabular-nums">
                    {format(m.from)} → {format(m.to)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {affected.members > 0 && (
        <p className="text-sm">
          <strong className="font-semibold">Who is affected:</strong> the milestones and daily actions of{" "}
          {affected.members} {affected.members === 1 ? "member" : "members"} move ({affected.names.join(", ")}
          {affected.members > affected.names.length ? ` and ${affected.members - affected.names.length} more` : ""}).
          Nobody&apos;s total target changes.
        </p>
      )}
    </div>
  );
}
