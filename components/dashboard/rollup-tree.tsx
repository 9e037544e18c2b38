"use client";
/**
 * The team (or my downline) as a table tree: at every node own and team actuals vs targets for the period, pace by
 * word + icon + colour, the forecast at the deadline and the catch-up per week. Expand / collapse, search a member,
 * drill into a subtree (the breadcrumb goes back up). Rows are virtualised (@tanstack/react-virtual): only the rows
 * in view are in the DOM, so thousands of members scroll without freezing.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { ChevronDown, ChevronRight, ChevronsDownUp, ChevronsUpDown, CornerDownRight, Search } from "lucide-react";
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from "react";
import {
  allExpandable,
  defaultExpanded,
  flattenVisible,
  normalise,
  searchTree,
  type TreeIndex,
  type VisibleRow,
} from "@/components/team/tree-model";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatAmount, type MetricUnit } from "@/server/domain/money";
import { paceNoteText } from "@/server/domain/pace";
import { DASHBOARD_AMOUNTS } from "./format";
import { PaceBadge } from "./pace-badge";
import type { RollupNode } from "./rollup-model";

const ROW_HEIGHT = 64;

export function RollupTree({
  index,
  unit,
  currency,
  meId,
  onDrill,
  caption,
}: {
  index: TreeIndex<RollupNode>;
  unit: MetricUnit;
  currency: string;
  meId: string;
  onDrill: (id: string) => void;
  caption: string;
}) {
  const fmt = useCallback((n: number) => formatAmount(n, unit, currency, undefined, DASHBOARD_AMOUNTS), [unit, currency]);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const openSet = useMemo(() => expanded ?? defaultExpanded(index), [expanded, index]);
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const searching = deferred.trim().length > 0;
  const search = useMemo(() => searchTree(index, deferred), [index, deferred]);

  const rows: VisibleRow[] = useMemo(
    () =>
      searching
        ? flattenVisible(
            index,
            () => true,
            (id) => search.visible.has(id),
          )
        : flattenVisible(index, (id) => openSet.has(id)),
    [index, searching, search, openSet],
  );

  const toggle = useCallback(
    (id: string) =>
      setExpanded((prev) => {
        const next = new Set(prev ?? defaultExpanded(index));
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [index],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer drives this component's re-renders itself
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="relative min-w-56 flex-1">
          <label htmlFor="dashboard-search" className="block text-sm font-medium text-slate-800">
            Search a member
          </label>
          <Search aria-hidden className="pointer-events-none absolute bottom-3 left-3 size-5 text-slate-500" />
          <input
            id="dashboard-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Name"
            className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white pr-3 pl-10 text-base"
          />
        </div>
        <Button variant="secondary" onClick={() => setExpanded(allExpandable(index))} disabled={searching}>
          <ChevronsUpDown aria-hidden className="size-4" /> Expand all
        </Button>
        <Button variant="secondary" onClick={() => setExpanded(new Set([index.rootId]))} disabled={searching}>
          <ChevronsDownUp aria-hidden className="size-4" /> Collapse all
        </Button>
      </div>
      <p aria-live="polite" className="text-sm text-slate-700">
        {searching
          ? search.matches.size === 0
            ? `No member matches “${deferred.trim()}”.`
            : `${search.matches.size} member${search.matches.size === 1 ? "" : "s"} match “${deferred.trim()}”.`
          : `${index.byId.size} member${index.byId.size === 1 ? "" : "s"} in this view.`}
      </p>
      <div
        ref={scrollRef}
        className="relative max-h-[70vh] overflow-auto rounded-xl border border-slate-200 bg-white"
        tabIndex={0}
        role="region"
        aria-label={`${caption} (scrollable)`}
      >
        <table className="w-full min-w-[56rem] border-collapse text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 z-10 bg-slate-100 text-slate-800">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">
                Member
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Own: actual / target
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Team: actual / target
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Forecast at deadline
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Needed per week to finish on target
              </th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden>
                <td colSpan={5} style={{ height: padTop, padding: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index]!;
              const node = index.byId.get(row.id)!;
              return (
                <RollupRowView
                  key={row.id}
                  row={row}
                  node={node}
                  isMe={node.id === meId}
                  isRoot={node.id === index.rootId}
                  match={searching && search.matches.has(node.id) ? deferred : ""}
                  fmt={fmt}
                  onToggle={toggle}
                  onDrill={onDrill}
                  searching={searching}
                  measure={virtualizer.measureElement}
                  dataIndex={item.index}
                />
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden>
                <td colSpan={5} style={{ height: padBottom, padding: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** One row; memoised so a scroll re-renders only the rows that come into view. */
const RollupRowView = memo(function RollupRowView({
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
              {node.role === "OWNER" ? "Owner" : node.role === "LEADER" ? "Leader" : "Member"}
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
        <PaceBadge status={node.ownStatus} size="sm" />
      </td>
      <td className="px-3 py-2">
        <div className="tabular-nums">
          {fmt(node.teamActual)} <span className="text-slate-600">/ {fmt(node.teamTarget)}</span>
        </div>
        <PaceBadge status={node.teamStatus} size="sm" />
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

function Highlighted({ text, query }: { text: string; query: string }) {
  const q = normalise(query);
  if (!q) return <>{text}</>;
  // Match on the accent-free form; NFKD keeps precomposed letters one-to-one for common names.
  const at = normalise(text).indexOf(q);
  if (at < 0 || normalise(text).length !== text.length) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className="rounded bg-yellow-200 text-slate-900">{text.slice(at, at + q.length)}</mark>
      {text.slice(at + q.length)}
    </>
  );
}
