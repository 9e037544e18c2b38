"use client";
/**
 * What a re-plan for the team's holidays changes, before anything is saved: the holidays that come and go, the
 * goal's periods whose planned amount moves (from → to, in a real table) and whose plan that changes.
 */
import { ArrowRight } from "lucide-react";
import { formatDay, formatDayRange } from "@/components/plan/format";
import type { CalendarChange } from "./types";
import { Table } from "@/components/ui/table";

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
        <Table
          label="Milestones that move"
          caption="Planned amount per period, before and after the re-plan"
          density="compact"
          rows={milestones}
          rowKey={(m) => m.periodStart}
          columns={[
            { header: "Period", cell: (m) => formatDayRange(m.periodStart, m.periodEnd) },
            {
              header: (
                <>
                  Planned now <ArrowRight aria-hidden className="inline size-3.5" />
                  <span className="sr-only">then</span> after
                </>
              ),
              align: "right",
              cell: (m) => `${format(m.from)} → ${format(m.to)}`,
            },
          ]}
        />
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
