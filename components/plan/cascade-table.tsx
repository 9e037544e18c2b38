"use client";
/**
 * The cascade as a tree (indented rows of a table): each member's personal and team target, their funnel numbers
 * and first day's actions, and a flag — word and icon — when the plan does not fit their time.
 */
import type { ReactNode } from "react";
import { formatDay } from "./format";
import { StatusBadge } from "./status";
import type { GoalPreview } from "./types";
import { Table, type Column } from "@/components/ui/table";

type PreviewMember = GoalPreview["members"][number];

export function CascadeTable({
  members,
  format,
  caption,
  action,
  weight,
}: {
  members: PreviewMember[];
  format: (amount: number) => string;
  caption: string;
  action?: (m: PreviewMember) => ReactNode;
  /** The goal is split by weight: a column with each member's split weight (`cell` may make it editable). */
  weight?: { cell: (m: PreviewMember) => ReactNode };
}) {
  const dash = <span className="text-slate-600">—</span>;
  const columns: Column<PreviewMember>[] = [
    {
      header: "Member",
      cell: (m) => (
        <>
          {m.depth > 0 && (
            <span aria-hidden className="mr-1 text-slate-500">
              └
            </span>
          )}
          {m.name}
          <span className="sr-only">, level {m.depth + 1}</span>
        </>
      ),
    },
    ...(weight ? [{ header: "Weight", cell: weight.cell } satisfies Column<PreviewMember>] : []),
    {
      header: "Personal",
      align: "right",
      cell: (m) => (
        <>
          {format(m.personal)}
          {m.personalFixed && <span className="block text-xs text-slate-600">set by hand</span>}
        </>
      ),
    },
    { header: "Team", align: "right", cell: (m) => format(m.team) },
    {
      header: "Funnel (whole goal)",
      cell: (m) =>
        m.needs.length === 0 ? (
          dash
        ) : (
          <ul>
            {m.needs.map((n) => (
              <li key={n.id}>
                {n.required.toLocaleString("en-GB")} {n.name.toLowerCase()}
              </li>
            ))}
          </ul>
        ),
    },
    {
      header: "Daily plan",
      cell: (m) =>
        m.firstDayActions.length === 0 ? (
          dash
        ) : (
          <ul>
            {m.firstDayActions.map((a) => (
              <li key={a.metricId}>
                {a.planned} {a.name.toLowerCase()}
              </li>
            ))}
          </ul>
        ),
    },
    {
      header: "Time",
      cell: (m) =>
        m.overTime ? (
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
        ),
    },
  ];
  if (action) columns.push({ header: "Actions", hideHeader: true, cell: action });
  return (
    <Table
      caption={caption}
      variant="boxed"
      minWidth="min-w-[44rem]"
      alignTop
      rowHeader="strong"
      rowHeaderStyle={(m) => ({ paddingLeft: `${0.75 + m.depth * 1.25}rem` })}
      rowProps={(m) => ({ "data-member": m.name })}
      rows={members}
      rowKey={(m) => m.id}
      columns={columns}
      data-testid="cascade-tree"
    />
  );
}
