"use client";
/**
 * The cascade as a tree (indented rows of a table): each member's personal and team target, their funnel numbers
 * and first day's actions, and a flag — word and icon — when the plan does not fit their time.
 */
import type { ReactNode } from "react";
import { formatDay } from "./format";
import { StatusBadge } from "./status";
import type { GoalPreview } from "./types";

type PreviewMember = GoalPreview["members"][number];

export function CascadeTable({
  members,
  format,
  caption,
  action,
}: {
  members: PreviewMember[];
  format: (amount: number) => string;
  caption: string;
  action?: (m: PreviewMember) => ReactNode;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200" tabIndex={0} role="region" aria-label={caption} data-testid="cascade-tree">
      <table className="w-full min-w-[44rem] text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr className="text-left">
            <th scope="col" className="px-3 py-2 font-medium">
              Member
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Personal
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Team
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Funnel (whole goal)
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Daily plan
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Time
            </th>
            {action && (
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} className="border-t border-slate-200 align-top" data-member={m.name}>
              <th scope="row" className="px-3 py-2 text-left font-medium" style={{ paddingLeft: `${0.75 + m.depth * 1.25}rem` }}>
                {m.depth > 0 && (
                  <span aria-hidden className="mr-1 text-slate-500">
                    └
                  </span>
                )}
                {m.name}
                <span className="sr-only">, level {m.depth + 1}</span>
              </th>
              <td className="px-3 py-2 text-right tabular-nums">
                {format(m.personal)}
                {m.personalFixed && <span className="block text-xs text-slate-600">set by hand</span>}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{format(m.team)}</td>
              <td className="px-3 py-2">
                {m.needs.length === 0 ? (
                  <span className="text-slate-600">—</span>
                ) : (
                  <ul>
                    {m.needs.map((n) => (
                      <li key={n.id}>
                        {n.required.toLocaleString("en-GB")} {n.name.toLowerCase()}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-3 py-2">
                {m.firstDayActions.length === 0 ? (
                  <span className="text-slate-600">—</span>
                ) : (
                  <ul>
                    {m.firstDayActions.map((a) => (
                      <li key={a.metricId}>
                        {a.planned} {a.name.toLowerCase()}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-3 py-2">
                {m.overTime ? (
                  <div className="space-y-1">
                    <StatusBadge tone="warn" label="Doesn't fit" />
                    <p className="text-xs text-slate-700">
                      Busiest day needs {m.timeCheck.minutesPerDayNeeded ?? "?"} min of {m.minutesPerDay}/day
                      {m.minutesPerDayAssumed ? " (assumed)" : ""}
                      {m.timeCheck.laterDeadline ? `; fits by ${formatDay(m.timeCheck.laterDeadline)}` : ""}
                    </p>
                  </div>
                ) : (
                  <StatusBadge tone="ok" label="Fits" />
                )}
              </td>
              {action && <td className="px-3 py-2">{action(m)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
