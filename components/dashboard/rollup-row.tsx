"use client";
/** One row of the dashboard's roll-up tree: the member (expand, drill in), own and team actual / target with pace, forecast, catch-up. */
import { ChevronDown, ChevronRight, CornerDownRight } from "lucide-react";
import { memo } from "react";
import { Highlighted } from "@/components/team/tree-controls";
import type { VisibleRow } from "@/components/team/tree-model";
import { cn } from "@/components/ui/cn";
import { paceNoteText } from "@/server/domain/pace";
import { PaceBadge } from "./pace-badge";
import type { RollupNode } from "./rollup-model";

/** One row; memoised so a scroll re-renders only the rows that come into view. */
export const RollupRowView = memo(function RollupRowView({
  row,
  node,
  isMe,
  isRoot,
  match,
  fmt,
  onToggle,
  onDrill,
  searching,
  measure,
  dataIndex,
}: {
  row: VisibleRow;
  node: RollupNode;
  isMe: boolean;
  isRoot: boolean;
  match: string;
  fmt: (n: number) => string;
  onToggle: (id: string) => void;
  onDrill: (id: string) => void;
  searching: boolean;
  measure: (el: Element | null) => void;
  dataIndex: number;
}) {
  const indent = (row.level - 1) * 1.25;
  const g = node.goal;
  return (
    <tr
      ref={measure}
      data-index={dataIndex}
      data-member={node.name}
      className={cn("border-t border-slate-200 align-middle", isRoot && "bg-brand-50/60", match && "bg-yellow-50")}
    >
      <th scope="row" className="px-3 py-2 font-normal">
        <div className="flex items-center gap-1" style={{ paddingLeft: `${indent}rem` }}>
          {row.hasChildren && !searching ? (
            <button
              type="button"
              onClick={() => onToggle(node.id)}
              aria-expanded={row.expanded}
              aria-label={`${row.expanded ? "Collapse" : "Expand"} ${node.name}'s team`}
              className="flex size-11 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
            >
              {row.expanded ? (
                <ChevronDown aria-hidden className="size-5" />
              ) : (
                <ChevronRight aria-hidden className="size-5" />
              )}
            </button>
          ) : (
            <span aria-hidden className="size-11 shrink-0" />
          )}
          <div className="min-w-0">
            <div className="truncate font-medium text-slate-900" title={node.name}>
              <Highlighted text={node.name} query={match} />
              {isMe && <span className="text-slate-600"> (you)</span>}
            </div>
            <div className="text-xs text-slate-600">
              {node.role === "OWNER"
                ? "Owner"
                : node.role === "LEADER"
                  ? "Leader"
                  : node.role === "LEFT"
                    ? "Left the team"
                    : "Member"}
              {node.descendantCount > 0 && ` · ${node.descendantCount} below`}
            </div>
          </div>
          {node.children > 0 && !isRoot && (
            <button
              type="button"
              onClick={() => onDrill(node.id)}
              aria-label={`Open ${node.name}'s team`}
              className="text-brand-700 ml-auto inline-flex min-h-11 shrink-0 items-center gap-1 rounded-md px-2 text-sm font-medium hover:bg-slate-100"
            >
              <CornerDownRight aria-hidden className="size-4" /> Open
            </button>
          )}
        </div>
      </th>
      <td className="px-3 py-2">
        <div className="tabular-nums">
          {fmt(node.ownActual)} <span className="text-slate-600">/ {fmt(node.ownTarget)}</span>
        </div>
        {node.role === "LEFT" ? (
          <span className="text-xs text-slate-600">Past entries, counted above</span>
        ) : (
          <PaceBadge status={node.ownStatus} size="sm" />
        )}
      </td>
      <td className="px-3 py-2">
        <div className="tabular-nums">
          {fmt(node.teamActual)} <span className="text-slate-600">/ {fmt(node.teamTarget)}</span>
        </div>
        {node.role !== "LEFT" && <PaceBadge status={node.teamStatus} size="sm" />}
      </td>
      <td className="px-3 py-2 tabular-nums">
        {g.forecast === null ? (
          <span className="text-slate-600">Not enough history</span>
        ) : (
          <>
            {fmt(g.forecast)} <span className="text-slate-600">of {fmt(g.teamShare)}</span>
          </>
        )}
      </td>
      <td className="px-3 py-2 tabular-nums">
        {/* The pace model: 0 only when on plan and the forecast (if any) reaches the target, or it is reached. */}
        {g.catchUpPerWeek > 0 ? (
          <span className="font-medium text-slate-900" title={paceNoteText(g)}>
            {fmt(g.catchUpPerWeek)} / week
          </span>
        ) : (
          <span className="text-slate-600" title={paceNoteText(g)}>
            None needed
          </span>
        )}
      </td>
    </tr>
  );
});
